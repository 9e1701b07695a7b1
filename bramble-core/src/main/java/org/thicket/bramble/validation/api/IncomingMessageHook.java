package org.thicket.bramble.validation.api;

import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.Metadata;

/** A client's reaction to a valid message, inside the transaction that delivers it. */
@FunctionalInterface
public interface IncomingMessageHook {

    DeliveryAction incomingMessage(Transaction txn, Message message, Metadata metadata) throws DbException;
}
