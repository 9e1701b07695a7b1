package org.thicket.bramble.properties;

import static org.thicket.bramble.validation.api.DeliveryAction.ACCEPT_DO_NOT_SHARE;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.thicket.bramble.client.api.ClientHelper;
import org.thicket.bramble.client.api.ContactGroupFactory;
import org.thicket.bramble.contact.api.Contact;
import org.thicket.bramble.contact.api.ContactHook;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.data.api.BdfDictionary;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.lifecycle.api.OpenDatabaseHook;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.api.TransportProperties;
import org.thicket.bramble.properties.api.RemoteTransportPropertiesUpdatedEvent;
import org.thicket.bramble.properties.api.TransportPropertyManager;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.GroupId;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.Metadata;
import org.thicket.bramble.sync.api.Visibility;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.util.FormatException;
import org.thicket.bramble.validation.api.ClientMajorVersion;
import org.thicket.bramble.validation.api.DeliveryAction;
import org.thicket.bramble.validation.api.IncomingMessageHook;
import org.thicket.bramble.versioning.api.ClientVersioningHook;
import org.thicket.bramble.versioning.api.ClientVersioningManager;

/**
 * The transport-properties client (specs/clients/properties.md). Our properties live in the client's local group,
 * one message per transport (the latest; older ones are deleted), and a copy of each goes into every contact group,
 * where the contact's newest message per transport is kept as well. Each message is the whole set for its
 * transport, so reading the properties is reading one message.
 * <p>
 * Properties a contact reports having seen us use (Briar's "discovered" properties, reflected back under keys
 * prefixed {@code u:} so that a Bluetooth device can learn its own address from its contacts) are not handled yet:
 * they belong with the Bluetooth plugin, which is the only transport that needs them.
 */
@Singleton
final class TransportPropertyManagerImpl implements TransportPropertyManager, OpenDatabaseHook, ContactHook,
        ClientVersioningHook, IncomingMessageHook {

    static final String MSG_KEY_TRANSPORT_ID = "transportId";
    static final String MSG_KEY_VERSION = "version";
    static final String MSG_KEY_LOCAL = "local";
    static final long FIRST_VERSION = 1;
    /** The version of properties received in contact exchange, below any update the contact sends. */
    static final long EXCHANGED_VERSION = 0;

    private static final ClientMajorVersion CLIENT = new ClientMajorVersion(CLIENT_ID, MAJOR_VERSION);

    /** The newest message of one side for one transport in a group. */
    private record Latest(MessageId id, long version) {
    }

    private final DatabaseComponent db;
    private final ClientHelper clientHelper;
    private final ContactGroupFactory contactGroupFactory;
    private final ClientVersioningManager versioning;
    private final Clock clock;
    private final Group localGroup;

    @Inject
    TransportPropertyManagerImpl(DatabaseComponent db, ClientHelper clientHelper,
            ContactGroupFactory contactGroupFactory, ClientVersioningManager versioning, Clock clock) {
        this.db = db;
        this.clientHelper = clientHelper;
        this.contactGroupFactory = contactGroupFactory;
        this.versioning = versioning;
        this.clock = clock;
        localGroup = contactGroupFactory.createLocalGroup(CLIENT_ID, MAJOR_VERSION);
    }

    static BdfDictionary metadata(PropertiesUpdate update, boolean local) {
        return new BdfDictionary().with(MSG_KEY_TRANSPORT_ID, update.transportId().value())
                .with(MSG_KEY_VERSION, update.version()).with(MSG_KEY_LOCAL, local);
    }

    /** Creates the local group, and a contact group for any contact added before this client existed. */
    @Override
    public void onDatabaseOpened(Transaction txn) throws DbException {
        db.addGroup(txn, localGroup);
        for (Contact contact : db.getContacts(txn)) {
            if (!db.containsGroup(txn, contactGroup(contact).getId())) addingContact(txn, contact);
        }
    }

    /** The contact group starts with a copy of our properties; versioning decides when they may be sent. */
    @Override
    public void addingContact(Transaction txn, Contact contact) throws DbException {
        Group group = contactGroup(contact);
        db.addGroup(txn, group);
        db.setGroupVisibility(txn, contact.id(), group.getId(),
                versioning.getClientVisibility(txn, contact.id(), CLIENT));
        clientHelper.setContactId(txn, group.getId(), contact.id());
        for (Map.Entry<TransportId, Latest> e : latest(txn, localGroup.getId(), true).entrySet()) {
            TransportProperties ours = read(txn, e.getValue().id());
            store(txn, group.getId(), new PropertiesUpdate(e.getKey(), e.getValue().version(), ours), true);
        }
    }

    @Override
    public void removingContact(Transaction txn, Contact contact) throws DbException {
        db.removeGroup(txn, contactGroup(contact).getId());
    }

    @Override
    public void onClientVisibilityChanging(Transaction txn, Contact contact, Visibility v) throws DbException {
        db.setGroupVisibility(txn, contact.id(), contactGroup(contact).getId(), v);
    }

    /** Keeps the contact's newest message per transport and drops any other. */
    @Override
    public DeliveryAction incomingMessage(Transaction txn, Message message, Metadata metadata) throws DbException {
        TransportId transportId;
        long version;
        try {
            BdfDictionary meta = clientHelper.toDictionary(metadata);
            transportId = new TransportId(meta.getString(MSG_KEY_TRANSPORT_ID));
            version = meta.getLong(MSG_KEY_VERSION);
        } catch (FormatException e) {
            // Only if validation and delivery disagree about the metadata; the message then cannot count.
            return DeliveryAction.REJECT;
        }
        GroupId g = message.getGroupId();
        Latest stored = latest(txn, g, false).get(transportId);
        if (stored != null && stored.version() >= version) {
            delete(txn, message.getId());
            return ACCEPT_DO_NOT_SHARE;
        }
        if (stored != null) delete(txn, stored.id());
        txn.attach(new RemoteTransportPropertiesUpdatedEvent(clientHelper.getContactId(txn, g), transportId));
        return ACCEPT_DO_NOT_SHARE;
    }

    @Override
    public TransportProperties getLocalProperties(TransportId transportId) throws DbException {
        return db.transactionWithResult(true, txn -> {
            Latest ours = latest(txn, localGroup.getId(), true).get(transportId);
            return ours == null ? TransportProperties.EMPTY : read(txn, ours.id());
        });
    }

    @Override
    public Map<TransportId, TransportProperties> getLocalProperties(Transaction txn) throws DbException {
        Map<TransportId, TransportProperties> properties = new HashMap<>();
        for (Map.Entry<TransportId, Latest> e : latest(txn, localGroup.getId(), true).entrySet()) {
            properties.put(e.getKey(), read(txn, e.getValue().id()));
        }
        return properties;
    }

    /**
     * A change makes a new version of the transport's whole set, which replaces the old one locally and in every
     * contact group; merging in what is already there changes nothing and sends nothing.
     */
    @Override
    public void mergeLocalProperties(TransportId transportId, TransportProperties update) throws DbException {
        db.transaction(false, txn -> {
            Latest ours = latest(txn, localGroup.getId(), true).get(transportId);
            TransportProperties old = ours == null ? TransportProperties.EMPTY : read(txn, ours.id());
            TransportProperties merged = old.merge(update); // refuses a result over the limits, before any write
            if (merged.equals(old)) return;
            PropertiesUpdate next =
                    new PropertiesUpdate(transportId, ours == null ? FIRST_VERSION : ours.version() + 1, merged);
            replace(txn, localGroup.getId(), ours, next);
            for (Contact contact : db.getContacts(txn)) {
                GroupId g = contactGroup(contact).getId();
                replace(txn, g, latest(txn, g, true).get(transportId), next);
            }
        });
    }

    @Override
    public Map<ContactId, TransportProperties> getRemoteProperties(TransportId transportId) throws DbException {
        return db.transactionWithResult(true, txn -> {
            Map<ContactId, TransportProperties> properties = new HashMap<>();
            for (Contact contact : db.getContacts(txn)) {
                Latest theirs = latest(txn, contactGroup(contact).getId(), false).get(transportId);
                if (theirs != null) properties.put(contact.id(), read(txn, theirs.id()));
            }
            return properties;
        });
    }

    @Override
    public TransportProperties getRemoteProperties(ContactId contactId, TransportId transportId)
            throws DbException {
        return db.transactionWithResult(true, txn -> {
            GroupId g = contactGroup(db.getContact(txn, contactId)).getId();
            Latest theirs = latest(txn, g, false).get(transportId);
            return theirs == null ? TransportProperties.EMPTY : read(txn, theirs.id());
        });
    }

    @Override
    public void addRemoteProperties(Transaction txn, ContactId contactId,
            Map<TransportId, TransportProperties> properties) throws DbException {
        GroupId g = contactGroup(db.getContact(txn, contactId)).getId();
        Map<TransportId, Latest> stored = latest(txn, g, false);
        for (Map.Entry<TransportId, TransportProperties> e : properties.entrySet()) {
            if (stored.containsKey(e.getKey())) continue;
            store(txn, g, new PropertiesUpdate(e.getKey(), EXCHANGED_VERSION, e.getValue()), false);
            txn.attach(new RemoteTransportPropertiesUpdatedEvent(contactId, e.getKey()));
        }
    }

    /** Stores our new message in place of the old one, if any. */
    private void replace(Transaction txn, GroupId g, Latest old, PropertiesUpdate update) throws DbException {
        if (old != null) delete(txn, old.id());
        store(txn, g, update, true);
    }

    /**
     * Stores a message as delivered: ours (sent to the contact when it is in a contact group, never from the local
     * group, which nobody sees) or the contact's (never sent back).
     */
    private void store(Transaction txn, GroupId g, PropertiesUpdate update, boolean local) throws DbException {
        Message message = clientHelper.createMessage(g, clock.currentTimeMillis(), update.toList());
        clientHelper.addLocalMessage(txn, message, metadata(update, local), local, false);
    }

    /** The newest message per transport of one side (ours, or the contact's) in a group. */
    private Map<TransportId, Latest> latest(Transaction txn, GroupId g, boolean local) throws DbException {
        Map<TransportId, Latest> latest = new HashMap<>();
        try {
            for (Map.Entry<MessageId, BdfDictionary> e : clientHelper.getMessageMetadataAsDictionary(txn, g)
                    .entrySet()) {
                BdfDictionary meta = e.getValue();
                if (meta.getBoolean(MSG_KEY_LOCAL) != local) continue;
                Latest candidate = new Latest(e.getKey(), meta.getLong(MSG_KEY_VERSION));
                latest.merge(new TransportId(meta.getString(MSG_KEY_TRANSPORT_ID)), candidate,
                        (a, b) -> a.version() >= b.version() ? a : b);
            }
        } catch (FormatException e) {
            throw new DbException("The metadata of a transport-properties group is malformed", e);
        }
        return latest;
    }

    private TransportProperties read(Transaction txn, MessageId id) throws DbException {
        try {
            return PropertiesUpdate.parse(clientHelper.getMessageAsList(txn, id)).properties();
        } catch (FormatException e) {
            throw new DbException("Stored transport properties " + id + " are malformed", e);
        }
    }

    private void delete(Transaction txn, MessageId id) throws DbException {
        db.deleteMessage(txn, id);
        db.deleteMessageMetadata(txn, id);
    }

    private Group contactGroup(Contact contact) {
        return contactGroupFactory.createContactGroup(CLIENT_ID, MAJOR_VERSION, contact.localAuthorId(),
                contact.author().id());
    }
}
