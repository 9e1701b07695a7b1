package org.thicket.messenger.messaging;

import static org.thicket.messenger.messaging.api.MessagingConstants.MSG_KEY_DELIVERED;
import static org.thicket.messenger.messaging.api.MessagingConstants.MSG_KEY_LOCAL;
import static org.thicket.messenger.messaging.api.MessagingConstants.MSG_KEY_MSG_TYPE;
import static org.thicket.messenger.messaging.api.MessagingConstants.PRIVATE_MESSAGE;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.client.api.ClientHelper;
import org.thicket.bramble.contact.api.Contact;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.data.api.BdfDictionary;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.lifecycle.api.Service;
import org.thicket.bramble.sync.api.AckHandler;
import org.thicket.bramble.sync.api.GroupId;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.Metadata;
import org.thicket.messenger.messaging.api.PrivateMessageDeliveredEvent;

/**
 * Marks our private messages delivered when the contact acks them, in the transaction that records the ack, so a
 * message is never acked but not delivered. If marking fails, the ack is recorded without it (see
 * {@link AckHandler}), and the next start catches up: it marks every undelivered message the contact has seen.
 */
final class DeliveryTracker implements Service, AckHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryTracker.class);

    private final DatabaseComponent db;
    private final MessagingGroups groups;
    /** Our private messages the contact has not acked yet, as a metadata query. */
    private final Metadata undelivered;
    private final Metadata delivered;

    @Inject
    DeliveryTracker(DatabaseComponent db, MessagingGroups groups, ClientHelper clientHelper) {
        this.db = db;
        this.groups = groups;
        this.undelivered = clientHelper.toMetadata(new BdfDictionary()
                .with(MSG_KEY_MSG_TYPE, PRIVATE_MESSAGE)
                .with(MSG_KEY_LOCAL, true)
                .with(MSG_KEY_DELIVERED, false));
        this.delivered = clientHelper.toMetadata(new BdfDictionary().with(MSG_KEY_DELIVERED, true));
    }

    /** Also catches up on acks recorded without their delivered flags, and on those of older versions of the app. */
    @Override
    public void startService() {
        try {
            db.transaction(false, txn -> {
                for (Contact contact : db.getContacts(txn)) catchUp(txn, contact.id());
            });
        } catch (DbException | RuntimeException e) {
            LOG.error("Could not catch up on acks recorded without their delivered flags", e);
        }
    }

    @Override
    public void stopService() {
    }

    @Override
    public void handleAcked(Transaction txn, ContactId contactId, List<MessageId> acked) throws DbException {
        markDelivered(txn, contactId, acked);
    }

    private void catchUp(Transaction txn, ContactId contactId) throws DbException {
        GroupId group = groups.contactGroupId(txn, contactId);
        if (!db.containsGroup(txn, group)) return;
        List<MessageId> seen = new ArrayList<>();
        for (MessageId id : db.getMessageIds(txn, group, undelivered)) {
            if (db.isSeenBy(txn, contactId, id)) seen.add(id);
        }
        markDelivered(txn, contactId, seen);
    }

    /**
     * Acks name messages of every client; only our undelivered private messages in the contact's group count (the
     * metadata keys are the messaging client's, but another client's message could carry equal values). Each acked
     * message is one query and at most one write, so an ack costs in proportion to its length, not to the
     * conversation.
     */
    private void markDelivered(Transaction txn, ContactId contactId, List<MessageId> acked) throws DbException {
        GroupId group = groups.contactGroupId(txn, contactId);
        for (MessageId id : acked) {
            if (db.mergeMessageMetadataIf(txn, group, id, undelivered, delivered)) {
                txn.attach(new PrivateMessageDeliveredEvent(contactId, id));
            }
        }
    }
}
