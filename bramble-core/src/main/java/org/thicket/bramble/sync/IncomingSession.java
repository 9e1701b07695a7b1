package org.thicket.bramble.sync;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.DbRunnable;
import org.thicket.bramble.db.api.Receipt;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.sync.api.Ack;
import org.thicket.bramble.sync.api.AckHandler;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageRecord;
import org.thicket.bramble.sync.api.Offer;
import org.thicket.bramble.sync.api.Priority;
import org.thicket.bramble.sync.api.PriorityHandler;
import org.thicket.bramble.sync.api.ReceivedMessageHandler;
import org.thicket.bramble.sync.api.Request;
import org.thicket.bramble.sync.api.SyncConstants;
import org.thicket.bramble.sync.api.SyncRecord;
import org.thicket.bramble.sync.api.SyncRecordReader;
import org.thicket.bramble.sync.api.SyncSession;
import org.thicket.bramble.sync.api.Versions;
import org.thicket.bramble.util.FormatException;

/**
 * Reads a contact's records and applies them (specs/bsp.md 6.2, 7.1). Each record gets a transaction of its own,
 * except that messages that arrive back to back (the peer sent them in one batch, so the rest is already in the
 * frame being read) are stored together, up to {@link #MAX_MESSAGES_PER_TRANSACTION} or
 * {@link #MAX_BYTES_PER_TRANSACTION}: one commit per message would make the database the bottleneck, and the bytes
 * bound what a session holds in memory. The {@link ReceivedMessageHandler} takes up the new ones in the same
 * transaction, and the {@link AckHandler}s take their part of an ack in the ack's; if one of them fails, the
 * record is applied again without them, so that what a client cannot take holds up neither sync nor other
 * messages. What was read before a bad record or a broken stream is stored, and acked by our outgoing session:
 * on a duplex connection the acks go to it from memory once their transaction has committed ({@link AckQueue});
 * on a simplex one they are recorded in the database for whichever session writes to the contact next.
 * Unknown record types are skipped by the reader; anything malformed ends the session with a
 * {@link FormatException}.
 */
final class IncomingSession implements SyncSession {

    private static final Logger LOG = LoggerFactory.getLogger(IncomingSession.class);

    static final int MAX_MESSAGES_PER_TRANSACTION = 256;
    static final int MAX_BYTES_PER_TRANSACTION = OutgoingRecords.MAX_BATCH_BYTES;

    private final DatabaseComponent db;
    private final ReceivedMessageHandler handler;
    private final Set<AckHandler> ackHandlers;
    private final ContactId contactId;
    private final InputStream in;
    private final SyncRecordReader reader;
    private final PriorityHandler priorityHandler;
    private final AckQueue acks;
    private final List<Message> received = new ArrayList<>();
    private long receivedBytes;

    private volatile boolean interrupted;
    private boolean priorityRead;

    /**
     * @param in the plaintext the reader reads, asked only how much of it is already there
     * @param acks where the acks for the messages read go, on a duplex connection; null on a simplex one
     */
    IncomingSession(DatabaseComponent db, ReceivedMessageHandler handler, Set<AckHandler> ackHandlers,
            ContactId contactId, InputStream in, SyncRecordReader reader, PriorityHandler priorityHandler,
            AckQueue acks) {
        this.db = db;
        this.handler = handler;
        this.ackHandlers = ackHandlers;
        this.contactId = contactId;
        this.in = in;
        this.reader = reader;
        this.priorityHandler = priorityHandler;
        this.acks = acks;
    }

    @Override
    public void run() throws IOException, DbException {
        try {
            while (!interrupted) {
                SyncRecord record = reader.readRecord();
                if (record == null) break;
                if (record instanceof MessageRecord m) {
                    received.add(m.message());
                    receivedBytes += m.message().getLength();
                    if (received.size() < MAX_MESSAGES_PER_TRANSACTION && receivedBytes < MAX_BYTES_PER_TRANSACTION
                            && in.available() > 0) {
                        continue;
                    }
                }
                storeReceived();
                handle(record);
            }
        } finally {
            // Also after a bad record: the messages before it were well-formed.
            storeReceived();
        }
    }

    private void storeReceived() throws DbException {
        if (received.isEmpty()) return;
        List<Message> batch = List.copyOf(received);
        received.clear();
        receivedBytes = 0;
        List<MessageId> owed = new ArrayList<>();
        withClientsOrWithout(batch.size() + " messages",
                txn -> handler.handleStored(txn, contactId, store(txn, batch, owed)),
                () -> handler.handlingRolledBack(batch),
                txn -> store(txn, batch, owed));
        queueAcks(owed);
    }

    /**
     * Hands the acks to the outgoing session, now that the messages are committed (an ack tells the contact it may
     * forget a message). If that session has ended, they are recorded in the database instead.
     */
    private void queueAcks(List<MessageId> owed) throws DbException {
        if (acks != null && !acks.offer(owed)) AckQueue.recordInDatabase(db, contactId, owed);
    }

    private void recordAck(List<MessageId> ids) throws DbException {
        withClientsOrWithout("an ack of " + ids.size() + " messages", txn -> {
            List<MessageId> acked = db.setAckedBy(txn, contactId, ids);
            if (acked.isEmpty()) return;
            for (AckHandler h : ackHandlers) h.handleAcked(txn, contactId, acked);
        }, () -> { }, txn -> db.setAckedBy(txn, contactId, ids));
    }

    /**
     * Applies a record with the clients' part in one transaction; if that fails, tells them so and applies it
     * again without them: a client that cannot take its part must not stop sync.
     */
    private void withClientsOrWithout(String what, DbRunnable<RuntimeException> withClients,
            Runnable rolledBack, DbRunnable<RuntimeException> without) throws DbException {
        try {
            db.transaction(false, withClients);
        } catch (DbException | RuntimeException e) {
            LOG.warn("Could not apply {} from {} with the clients' part; applying it without", what, contactId, e);
            rolledBack.run();
            db.transaction(false, without);
        }
    }

    /**
     * The messages new to us, in the order given. On a duplex connection the acks owed are collected in
     * {@code owed} for {@link #queueAcks} instead of being recorded.
     */
    private List<Message> store(Transaction txn, List<Message> batch, List<MessageId> owed) throws DbException {
        owed.clear(); // of an attempt that rolled back
        List<Message> added = new ArrayList<>(batch.size());
        for (Message m : batch) {
            Receipt receipt = db.receiveMessage(txn, contactId, m, acks == null);
            if (receipt == Receipt.STORED) added.add(m);
            if (acks != null && receipt.owesAck()) owed.add(m.getId());
        }
        return added;
    }

    @Override
    public void interrupt() {
        // A blocked read ends when the connection manager closes the connection.
        interrupted = true;
    }

    private void handle(SyncRecord record) throws DbException, FormatException {
        if (record instanceof Ack ack) {
            recordAck(ack.messageIds());
        } else if (record instanceof Offer offer) {
            handleOffer(offer.messageIds());
        } else if (record instanceof Request request) {
            handleRequest(request.messageIds());
        } else if (record instanceof Versions versions) {
            handleVersions(versions);
        } else if (record instanceof Priority priority) {
            handlePriority(priority);
        }
    }

    /** We ack what we have (the contact has it too), and store offers of the rest to request them. */
    private void handleOffer(List<MessageId> ids) throws DbException {
        db.transaction(false, txn -> {
            for (MessageId id : ids) {
                if (db.containsMessage(txn, id) && db.raiseAckFlag(txn, contactId, id)) continue;
                if (!db.addOfferedMessage(txn, contactId, id)) {
                    LOG.debug("{} has {} offers stored already; dropping the rest", contactId,
                            SyncConstants.MAX_OFFERED_MESSAGES);
                    return;
                }
            }
        });
    }

    private void handleRequest(List<MessageId> ids) throws DbException {
        db.transaction(false, txn -> {
            for (MessageId id : ids) db.raiseRequestedFlag(txn, contactId, id);
        });
    }

    /** We speak version 0 only; a peer that lists other versions too still speaks 0 to us. */
    private void handleVersions(Versions versions) {
        if (!versions.versions().contains(SyncConstants.PROTOCOL_VERSION)) {
            LOG.info("{} announced BSP versions {} without ours; its records will tell", contactId,
                    versions.versions());
        }
    }

    private void handlePriority(Priority priority) throws FormatException {
        if (priorityHandler == null) throw new FormatException("A PRIORITY record on a connection we opened");
        if (priorityRead) throw new FormatException("A second PRIORITY record");
        priorityRead = true;
        priorityHandler.handlePriority(priority);
    }
}
