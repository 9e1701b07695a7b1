package org.thicket.messenger.messaging;

import static org.thicket.messenger.messaging.api.MessagingConstants.MSG_KEY_DELIVERED;
import static org.thicket.messenger.messaging.api.MessagingConstants.MSG_KEY_LOCAL;
import static org.thicket.messenger.messaging.api.MessagingConstants.MSG_KEY_MSG_TYPE;
import static org.thicket.messenger.messaging.api.MessagingConstants.PRIVATE_MESSAGE;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.client.api.ClientHelper;
import org.thicket.bramble.contact.api.Contact;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.data.api.BdfDictionary;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.NoSuchMessageException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.event.api.EventListener;
import org.thicket.bramble.lifecycle.api.Service;
import org.thicket.bramble.lifecycle.api.ServiceException;
import org.thicket.bramble.sync.api.GroupId;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessagesAckedEvent;
import org.thicket.bramble.sync.api.Metadata;
import org.thicket.bramble.util.UniqueId;
import org.thicket.messenger.messaging.api.PrivateMessageDeliveredEvent;

/**
 * Marks our private messages delivered when the contact acks them. The ack is announced after its own transaction
 * committed, and the event thread must not start transactions, so each ack is recorded in a transaction of its own
 * on the delivery executor. An ack that arrives while the node stops, after this service stopped listening, is not
 * recorded: the message then stays "not delivered" although the contact has it.
 */
final class DeliveryTracker implements Service, EventListener {

    /** How long stopping waits for the acks already queued; each is one short transaction. */
    static final long STOP_TIMEOUT_SECONDS = 30;

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryTracker.class);

    private final DatabaseComponent db;
    private final EventBus eventBus;
    private final MessagingGroups groups;
    private final ClientHelper clientHelper;
    private final ExecutorService executor;
    /** Our private messages the contact has not acked yet, as a metadata query. */
    private final Metadata undelivered;

    @Inject
    DeliveryTracker(DatabaseComponent db, EventBus eventBus, MessagingGroups groups, ClientHelper clientHelper,
            @DeliveryExecutor ExecutorService executor) {
        this.db = db;
        this.eventBus = eventBus;
        this.groups = groups;
        this.clientHelper = clientHelper;
        this.executor = executor;
        this.undelivered = clientHelper.toMetadata(new BdfDictionary()
                .with(MSG_KEY_MSG_TYPE, PRIVATE_MESSAGE)
                .with(MSG_KEY_LOCAL, true)
                .with(MSG_KEY_DELIVERED, false));
    }

    /**
     * Also catches up on acks that were recorded but not yet turned into delivered flags when the app last died: the
     * ack's transaction and the one marking delivery are separate, and a kill between them would leave a message
     * undelivered for good, since the contact never acks it again.
     */
    @Override
    public void startService() {
        eventBus.addListener(this);
        executor.execute(this::catchUp);
    }

    private void catchUp() {
        try {
            db.transaction(false, txn -> {
                for (Contact contact : db.getContacts(txn)) catchUp(txn, contact.id());
            });
        } catch (DbException | RuntimeException e) {
            LOG.error("Could not catch up on acks recorded before the last stop", e);
        }
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

    /** Records the acks already queued, then ends the executor. */
    @Override
    public void stopService() throws ServiceException {
        eventBus.removeListener(this);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new ServiceException("Acks were not recorded within " + STOP_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException("Interrupted while recording acks", e);
        }
    }

    @Override
    public void eventOccurred(Event event) {
        if (!(event instanceof MessagesAckedEvent acked)) return;
        try {
            executor.execute(() -> record(acked.contactId(), acked.messageIds()));
        } catch (RejectedExecutionException e) {
            LOG.debug("Not recording an ack of contact {} while stopping", acked.contactId().value());
        }
    }

    private void record(ContactId contactId, List<MessageId> acked) {
        try {
            db.transaction(false, txn -> markDelivered(txn, contactId, acked));
        } catch (DbException | RuntimeException e) {
            LOG.error("Could not record an ack of contact {}", contactId.value(), e);
        }
    }

    /**
     * Acks name messages of every client; only our undelivered private messages in the contact's group count. Each
     * acked message is looked up by its ID, so an ack costs in proportion to its length, not to the conversation.
     */
    private void markDelivered(Transaction txn, ContactId contactId, List<MessageId> acked) throws DbException {
        if (!db.containsContact(txn, contactId)) return; // removed since, with its conversation
        GroupId group = groups.contactGroupId(txn, contactId);
        for (MessageId id : acked) {
            if (!isUndeliveredIn(txn, group, id)) continue;
            clientHelper.mergeMessageMetadata(txn, id, new BdfDictionary().with(MSG_KEY_DELIVERED, true));
            txn.attach(new PrivateMessageDeliveredEvent(contactId, id));
        }
    }

    /** Whether the message is one of our undelivered private messages and belongs to the group. */
    private boolean isUndeliveredIn(Transaction txn, GroupId group, MessageId id) throws DbException {
        try {
            if (!db.getMessageMetadata(txn, id).includes(undelivered)) return false;
        } catch (NoSuchMessageException e) {
            return false; // its group was removed meanwhile
        }
        // The metadata keys are the messaging client's, but another client's message could carry equal values.
        byte[] raw = db.getMessage(txn, id);
        return raw != null && Arrays.equals(raw, 0, UniqueId.LENGTH, group.getBytes(), 0, UniqueId.LENGTH);
    }
}
