package org.thicket.bramble.sync.api;

import java.util.List;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;

/**
 * Told, in the transaction that records a contact's ack, which of our messages the contact now has, so that what a
 * client derives from it (a message shown as delivered) is stored with the ack or not at all. Clients contribute
 * theirs with {@code Multibinder.newSetBinder(binder, AckHandler.class).addBinding()}. If one throws, the ack is
 * recorded without them, and a client catches up from the messages' statuses ({@code isSeenBy}) at its next start.
 */
public interface AckHandler {

    /** Messages of every client, in the order acked, each with a status for the contact; may write. */
    void handleAcked(Transaction txn, ContactId contactId, List<MessageId> acked) throws DbException;
}
