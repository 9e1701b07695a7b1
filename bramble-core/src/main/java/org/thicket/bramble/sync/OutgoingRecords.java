package org.thicket.bramble.sync;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.record.api.Record;
import org.thicket.bramble.sync.api.Ack;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageFactory;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.Offer;
import org.thicket.bramble.sync.api.Request;
import org.thicket.bramble.sync.api.SyncConstants;
import org.thicket.bramble.sync.api.SyncRecordWriter;
import org.thicket.bramble.util.FormatException;

/**
 * What an outgoing session writes to one contact, drawn from the database one batch at a time (specs/bsp.md 6.3).
 * Each method takes a batch in one transaction, which records it as sent, then writes it; it returns whether the
 * batch was full, i.e. whether more may be waiting. A batch recorded but not written (the stream failed) is not lost:
 * an ack is owed again when the contact sends the message again, and a message is due again at its retransmission
 * time.
 */
final class OutgoingRecords {

    /**
     * Eight of the largest MESSAGE records (256 KiB): each batch is one transaction here and about one at the
     * receiver, and with small messages a smaller batch made commits the larger part of the work (a quarter of this
     * gave 5 to 12 % less throughput in SyncBench). Other kinds of record wait for at most one batch.
     */
    static final int MAX_BATCH_BYTES = 8 * (Record.HEADER_LENGTH + Message.MAX_LENGTH);

    private final DatabaseComponent db;
    private final MessageFactory messageFactory;
    private final ContactId contactId;
    private final long maxLatency;
    private final SyncRecordWriter writer;

    OutgoingRecords(DatabaseComponent db, MessageFactory messageFactory, ContactId contactId, long maxLatency,
            SyncRecordWriter writer) {
        this.db = db;
        this.messageFactory = messageFactory;
        this.contactId = contactId;
        this.maxLatency = maxLatency;
        this.writer = writer;
    }

    SyncRecordWriter writer() {
        return writer;
    }

    boolean writeAcks() throws IOException, DbException {
        Collection<MessageId> ids = db.transactionWithResult(false, txn -> {
            Collection<MessageId> owed = db.getMessagesToAck(txn, contactId, SyncConstants.MAX_MESSAGE_IDS);
            db.lowerAckFlag(txn, contactId, owed);
            return owed;
        });
        if (!ids.isEmpty()) writer.writeAck(new Ack(List.copyOf(ids)));
        return ids.size() == SyncConstants.MAX_MESSAGE_IDS;
    }

    /** Acks from memory, for the messages read from this duplex connection; nothing to record. */
    boolean writeAcks(AckQueue queue) throws IOException {
        List<MessageId> ids = queue.take(SyncConstants.MAX_MESSAGE_IDS);
        if (!ids.isEmpty()) writer.writeAck(new Ack(ids));
        return ids.size() == SyncConstants.MAX_MESSAGE_IDS;
    }

    /** Acks a duplex connection still owed when it ended: the next session to the contact writes them. */
    void recordAcksOwed(Collection<MessageId> ids) throws DbException {
        AckQueue.recordInDatabase(db, contactId, ids);
    }

    /**
     * Offers every message sent before that the contact has not acked, as IDs only. The contact acks those it has
     * and requests the rest, so acks that were lost (written, then the contact's process died before they arrived)
     * come back when the next connection opens instead of after the retransmission backoff. Messages never sent
     * are due and go out whole anyway: offering them too would have the contact request, and us send again, what
     * is already on its way.
     */
    void writeOffersOfUnacked() throws IOException, DbException {
        List<MessageId> unacked = List.copyOf(db.transactionWithResult(true,
                txn -> db.getSentUnackedMessages(txn, contactId)));
        if (!unacked.isEmpty()) writer.writeOffer(new Offer(unacked));
    }

    boolean writeRequests() throws IOException, DbException {
        Collection<MessageId> ids = db.transactionWithResult(false, txn -> {
            Collection<MessageId> missing = db.getMessagesToRequest(txn, contactId, SyncConstants.MAX_MESSAGE_IDS);
            db.removeOfferedMessages(txn, contactId, missing);
            return missing;
        });
        if (!ids.isEmpty()) writer.writeRequest(new Request(List.copyOf(ids)));
        return ids.size() == SyncConstants.MAX_MESSAGE_IDS;
    }

    boolean writeRequestedMessages() throws IOException, DbException {
        return writeBatch(db.transactionWithResult(false,
                txn -> db.getRequestedMessagesToSend(txn, contactId, MAX_BATCH_BYTES, maxLatency)));
    }

    boolean writeDueMessages() throws IOException, DbException {
        return writeBatch(db.transactionWithResult(false,
                txn -> db.getMessagesToSend(txn, contactId, MAX_BATCH_BYTES, maxLatency)));
    }

    /**
     * Eager mode: every message the contact has not acked, due or not, in batches, each recorded as sent once
     * written. A message whose content is deleted meanwhile is skipped.
     */
    void writeUnackedMessages() throws IOException, DbException {
        Collection<MessageId> unacked = db.transactionWithResult(true,
                txn -> db.getUnackedMessagesToSend(txn, contactId));
        List<MessageId> batch = new ArrayList<>();
        long batchBytes = 0;
        for (MessageId id : unacked) {
            byte[] raw = db.transactionWithResult(true, txn -> db.getMessage(txn, id));
            if (raw == null) continue;
            writer.writeMessage(parse(raw));
            batch.add(id);
            batchBytes += raw.length;
            if (batchBytes >= MAX_BATCH_BYTES) {
                recordSent(batch);
                batch.clear();
                batchBytes = 0;
            }
        }
        recordSent(batch);
    }

    private void recordSent(List<MessageId> ids) throws DbException {
        if (ids.isEmpty()) return;
        db.transaction(false, txn -> db.updateRetransmission(txn, contactId, ids, maxLatency));
    }

    /** Our own stored message; a parse failure means the database is damaged, not that a peer is hostile. */
    private Message parse(byte[] raw) {
        try {
            return messageFactory.createMessage(raw);
        } catch (FormatException e) {
            throw new IllegalStateException("A stored message does not parse", e);
        }
    }

    /** A batch is full if another message of the largest size would not have fitted. */
    private boolean writeBatch(Collection<Message> messages) throws IOException {
        long bytes = 0;
        for (Message m : messages) {
            writer.writeMessage(m);
            bytes += m.getLength();
        }
        return !messages.isEmpty() && bytes + Message.MAX_LENGTH > MAX_BATCH_BYTES;
    }
}
