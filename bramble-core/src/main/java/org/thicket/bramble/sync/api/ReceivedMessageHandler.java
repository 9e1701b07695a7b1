package org.thicket.bramble.sync.api;

import java.util.List;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;

/**
 * Takes up the messages an incoming session stores, in the transaction that stores them, so that taking them up
 * (validating and delivering them) needs no transactions of its own (specs/bsp.md, "Validation and delivery"). The
 * validation service binds it; without it, received messages only wait, unvalidated, for whoever reads them.
 */
public interface ReceivedMessageHandler {

    /** Does nothing: the binding where no validation service is installed. */
    ReceivedMessageHandler NONE = new ReceivedMessageHandler() {
        @Override
        public void handleStored(Transaction txn, ContactId sender, List<Message> messages) {
        }

        @Override
        public void handlingRolledBack(List<Message> messages) {
        }
    };

    /**
     * The messages new to us in the transaction, in the order received, each stored as {@link MessageState#UNKNOWN}.
     * If this throws, or the transaction then fails, the incoming session calls {@link #handlingRolledBack} and
     * stores the messages again without this.
     */
    void handleStored(Transaction txn, ContactId sender, List<Message> messages) throws DbException;

    /**
     * The transaction given to {@link #handleStored} rolled back: what was done there never happened. Called before
     * the messages are stored again; they are then to be taken up as messages stored by anyone else.
     */
    void handlingRolledBack(List<Message> messages);
}
