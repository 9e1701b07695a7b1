package org.thicket.bramble.versioning;

import static org.thicket.bramble.validation.api.DeliveryAction.ACCEPT_DO_NOT_SHARE;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.thicket.bramble.client.api.ClientHelper;
import org.thicket.bramble.client.api.ContactGroupFactory;
import org.thicket.bramble.contact.api.Contact;
import org.thicket.bramble.contact.api.ContactHook;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.data.api.BdfDictionary;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.lifecycle.api.Service;
import org.thicket.bramble.lifecycle.api.ServiceException;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.GroupId;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.Metadata;
import org.thicket.bramble.sync.api.Visibility;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.util.BoundedCache;
import org.thicket.bramble.util.FormatException;
import org.thicket.bramble.validation.api.ClientMajorVersion;
import org.thicket.bramble.validation.api.DeliveryAction;
import org.thicket.bramble.validation.api.IncomingMessageHook;
import org.thicket.bramble.versioning.api.ClientVersion;
import org.thicket.bramble.versioning.api.ClientVersioningHook;
import org.thicket.bramble.versioning.api.ClientVersioningManager;

/**
 * The versioning client (specs/clients/versioning.md). Each contact group holds exactly one update of ours (the
 * latest; older ones are deleted) and at most one of the contact's. Whenever either changes, the visibility of every
 * client we run is worked out again from the pair, and the clients whose visibility changed are told through their
 * hooks, in the same transaction.
 * <p>
 * Our own list of clients is the contributed map's keys. It is read lazily because the clients' hooks usually depend
 * on this manager (to ask for their initial visibility), so resolving the map at construction would be a cycle.
 */
@Singleton
final class ClientVersioningManagerImpl implements ClientVersioningManager, Service, ContactHook, IncomingMessageHook {

    static final String MSG_KEY_UPDATE_VERSION = "updateVersion";
    static final String MSG_KEY_LOCAL = "local";
    static final long FIRST_UPDATE_VERSION = 1;
    /** Room for the updates of a few hundred contacts; beyond that, some are read again. */
    static final int PARSED_UPDATES = 1024;

    /** The order in which we list clients: by client ID, then major version. Receivers do not depend on it. */
    private static final Comparator<ClientVersion> LISTING_ORDER =
            Comparator.comparing((ClientVersion v) -> v.client().clientId().value())
                    .thenComparingInt(v -> v.client().majorVersion());

    /** Our clients in listing order, and each one's hook. */
    private record Clients(List<ClientVersion> versions, Map<ClientMajorVersion, ClientVersioningHook> hooks) {
    }

    /** A stored update and its message. */
    private record StoredUpdate(MessageId id, Update update) {
    }

    /** The updates stored in a contact group: always ours, and the contact's latest once one has arrived. */
    private record StoredUpdates(StoredUpdate local, StoredUpdate remote) {

        List<ClientState> remoteStates() {
            return remote == null ? List.of() : remote.update().states();
        }
    }

    private final DatabaseComponent db;
    private final ClientHelper clientHelper;
    private final ContactGroupFactory contactGroupFactory;
    private final Clock clock;
    private final Provider<Map<ClientVersion, ClientVersioningHook>> contributed;
    private volatile Clients clients;
    /** Updates by message ID; two per contact, ours and theirs, and an entry is never stale (see read). */
    private final BoundedCache<MessageId, Update> parsedUpdates = new BoundedCache<>(PARSED_UPDATES);

    @Inject
    ClientVersioningManagerImpl(DatabaseComponent db, ClientHelper clientHelper,
            ContactGroupFactory contactGroupFactory, Clock clock,
            Provider<Map<ClientVersion, ClientVersioningHook>> contributed) {
        this.db = db;
        this.clientHelper = clientHelper;
        this.contactGroupFactory = contactGroupFactory;
        this.clock = clock;
        this.contributed = contributed;
    }

    static BdfDictionary metadata(Update update, boolean local) {
        return new BdfDictionary().with(MSG_KEY_UPDATE_VERSION, update.updateVersion()).with(MSG_KEY_LOCAL, local);
    }

    /**
     * Brings every contact up to date with the clients this run of the app has: after an upgrade (or a downgrade)
     * each contact gets a new update and the clients' visibilities follow. This runs as a service, after the
     * open-database hooks, so a client added by the upgrade has already created its contact groups when it is told
     * their visibility. A contact that has no versioning group (it was added before this client existed) gets one.
     * The contributed clients are checked first, so an app that contributes one client twice does not start.
     */
    @Override
    public void startService() throws ServiceException {
        clients();
        try {
            db.transaction(false, txn -> {
                for (Contact contact : db.getContacts(txn)) {
                    GroupId g = contactGroup(contact).getId();
                    if (!db.containsGroup(txn, g)) {
                        addContactGroup(txn, contact);
                        continue;
                    }
                    StoredUpdates stored = load(txn, g);
                    List<ClientState> remote = stored.remoteStates();
                    reconcile(txn, contact, g, stored.local(), remote, remote);
                }
            });
        } catch (DbException e) {
            throw new ServiceException("Could not update the contacts' client versions", e);
        }
    }

    @Override
    public void stopService() {
        // Nothing runs between transactions.
    }

    @Override
    public void addingContact(Transaction txn, Contact contact) throws DbException {
        addContactGroup(txn, contact);
    }

    @Override
    public void removingContact(Transaction txn, Contact contact) throws DbException {
        db.removeGroup(txn, contactGroup(contact).getId());
    }

    /**
     * Keeps the contact's newest update and drops any other. A new update replaces the stored one and may change
     * our own (a client becomes active once the contact is seen to run it) and the clients' visibilities.
     */
    @Override
    public DeliveryAction incomingMessage(Transaction txn, Message message, Metadata metadata) throws DbException {
        Update update;
        try {
            update = Update.parse(clientHelper.toList(message));
        } catch (FormatException e) {
            // Only if validation and delivery disagree about the format; the message then cannot count.
            return DeliveryAction.REJECT;
        }
        GroupId g = message.getGroupId();
        StoredUpdates stored = load(txn, g);
        if (stored.remote() != null && stored.remote().update().updateVersion() >= update.updateVersion()) {
            delete(txn, message.getId());
            return ACCEPT_DO_NOT_SHARE;
        }
        if (stored.remote() != null) delete(txn, stored.remote().id());
        Contact contact = db.getContact(txn, clientHelper.getContactId(txn, g));
        reconcile(txn, contact, g, stored.local(), stored.remoteStates(), update.states());
        return ACCEPT_DO_NOT_SHARE;
    }

    @Override
    public Visibility getClientVisibility(Transaction txn, ContactId contactId, ClientMajorVersion client)
            throws DbException {
        GroupId g = contactGroup(db.getContact(txn, contactId)).getId();
        // Asked while the contact is being added, before this client's hook made the group: nothing is known yet.
        if (!db.containsGroup(txn, g)) return Visibility.INVISIBLE;
        StoredUpdates stored = load(txn, g);
        return visibilities(stored.local().update().states(), stored.remoteStates())
                .getOrDefault(client, Visibility.INVISIBLE);
    }

    @Override
    public int getClientMinorVersion(Transaction txn, ContactId contactId, ClientMajorVersion client)
            throws DbException {
        GroupId g = contactGroup(db.getContact(txn, contactId)).getId();
        if (!db.containsGroup(txn, g)) return -1;
        return load(txn, g).remoteStates().stream().filter(s -> s.client().equals(client))
                .mapToInt(ClientState::minorVersion).findFirst().orElse(-1);
    }

    @Override
    public boolean hasHeardFrom(Transaction txn, ContactId contactId) throws DbException {
        GroupId g = contactGroup(db.getContact(txn, contactId)).getId();
        return db.containsGroup(txn, g) && load(txn, g).remote() != null;
    }

    /** The group is always shared: the updates must flow for anything else to. */
    private void addContactGroup(Transaction txn, Contact contact) throws DbException {
        Group group = contactGroup(contact);
        db.addGroup(txn, group);
        db.setGroupVisibility(txn, contact.id(), group.getId(), Visibility.SHARED);
        clientHelper.setContactId(txn, group.getId(), contact.id());
        storeLocalUpdate(txn, contact, group.getId(), new Update(ourStates(List.of()), FIRST_UPDATE_VERSION));
    }

    /**
     * Replaces our update if what we run, or what we know the contact runs, changed; then tells the clients whose
     * visibility moved from what our stored update and the contact's old states gave to what the new ones give.
     */
    private void reconcile(Transaction txn, Contact contact, GroupId g, StoredUpdate local,
            List<ClientState> oldRemote, List<ClientState> newRemote) throws DbException {
        List<ClientState> oldLocal = local.update().states();
        List<ClientState> newLocal = ourStates(newRemote);
        if (!newLocal.equals(oldLocal)) {
            delete(txn, local.id());
            storeLocalUpdate(txn, contact, g, new Update(newLocal, local.update().updateVersion() + 1));
        }
        Map<ClientMajorVersion, Visibility> before = visibilities(oldLocal, oldRemote);
        Map<ClientMajorVersion, Visibility> after = visibilities(newLocal, newRemote);
        for (ClientVersion v : clients().versions()) {
            Visibility now = after.getOrDefault(v.client(), Visibility.INVISIBLE);
            if (now != before.getOrDefault(v.client(), Visibility.INVISIBLE)) {
                clients().hooks().get(v.client()).onClientVisibilityChanging(txn, contact, now);
            }
        }
    }

    /** Every client we run, active if the contact's states list it too. */
    private List<ClientState> ourStates(List<ClientState> remote) {
        Set<ClientMajorVersion> theirs = remote.stream().map(ClientState::client).collect(Collectors.toSet());
        return clients().versions().stream()
                .map(v -> new ClientState(v.client(), v.minorVersion(), theirs.contains(v.client())))
                .toList();
    }

    /**
     * For each client in our states: INVISIBLE if the contact does not list it, SHARED if the contact lists it as
     * active (it has seen that we run it, so it accepts what we send), VISIBLE otherwise (we accept, but wait).
     */
    private static Map<ClientMajorVersion, Visibility> visibilities(List<ClientState> local,
            List<ClientState> remote) {
        Map<ClientMajorVersion, ClientState> theirs = new HashMap<>();
        for (ClientState s : remote) theirs.put(s.client(), s);
        Map<ClientMajorVersion, Visibility> visibilities = new HashMap<>();
        for (ClientState ours : local) {
            ClientState their = theirs.get(ours.client());
            Visibility v = their == null ? Visibility.INVISIBLE
                    : their.active() ? Visibility.SHARED : Visibility.VISIBLE;
            visibilities.put(ours.client(), v);
        }
        return visibilities;
    }

    private void storeLocalUpdate(Transaction txn, Contact contact, GroupId g, Update update) throws DbException {
        Message message = clientHelper.createMessage(g, timestamp(contact), update.toList());
        clientHelper.addLocalMessage(txn, message, metadata(update, true), true, false);
    }

    /**
     * The clock's time on our side of a parity split. Two sides that run the same clients write byte-identical
     * updates, and stamped in the same millisecond (adding each other at the end of one key agreement, say) they
     * would be one message with one ID: neither side would ever receive the other's. The side whose author ID sorts
     * first takes even milliseconds, the other odd ones (specs/clients/versioning.md section 8).
     */
    private long timestamp(Contact contact) {
        long parity = contact.localAuthorId().compareTo(contact.author().id()) < 0 ? 0 : 1;
        return (clock.currentTimeMillis() & ~1L) | parity;
    }

    /** Ours and the contact's newest update in the group, read back from their messages. */
    private StoredUpdates load(Transaction txn, GroupId g) throws DbException {
        MessageId local = null;
        MessageId remote = null;
        long localVersion = -1;
        long remoteVersion = -1;
        try {
            for (Map.Entry<MessageId, BdfDictionary> e : clientHelper.getMessageMetadataAsDictionary(txn, g)
                    .entrySet()) {
                long version = e.getValue().getLong(MSG_KEY_UPDATE_VERSION);
                if (e.getValue().getBoolean(MSG_KEY_LOCAL)) {
                    if (version > localVersion) {
                        local = e.getKey();
                        localVersion = version;
                    }
                } else if (version > remoteVersion) {
                    remote = e.getKey();
                    remoteVersion = version;
                }
            }
        } catch (FormatException e) {
            throw new DbException("The metadata of a versioning group is malformed", e);
        }
        if (local == null) throw new DbException("The versioning group " + g + " has no update of ours");
        return new StoredUpdates(read(txn, local), remote == null ? null : read(txn, remote));
    }

    /** Parsed once: sending a private message asks for the contact's versions, and a message never changes. */
    private StoredUpdate read(Transaction txn, MessageId id) throws DbException {
        Update update = parsedUpdates.get(id);
        if (update != null) return new StoredUpdate(id, update);
        try {
            update = Update.parse(clientHelper.getMessageAsList(txn, id));
        } catch (FormatException e) {
            throw new DbException("Stored update " + id + " is malformed", e);
        }
        parsedUpdates.put(id, update);
        return new StoredUpdate(id, update);
    }

    private void delete(Transaction txn, MessageId id) throws DbException {
        db.deleteMessage(txn, id);
        db.deleteMessageMetadata(txn, id);
    }

    private Group contactGroup(Contact contact) {
        return contactGroupFactory.createContactGroup(CLIENT_ID, MAJOR_VERSION, contact.localAuthorId(),
                contact.author().id());
    }

    private Clients clients() {
        Clients resolved = clients;
        if (resolved == null) {
            resolved = resolve(contributed.get());
            clients = resolved;
        }
        return resolved;
    }

    /** @throws IllegalStateException if two contributions name the same client and major version */
    private static Clients resolve(Map<ClientVersion, ClientVersioningHook> contributions) {
        if (contributions.size() > Update.MAX_CLIENT_STATES) {
            throw new IllegalStateException("More clients than one update may list: " + contributions.size());
        }
        Map<ClientMajorVersion, ClientVersioningHook> hooks = new HashMap<>();
        for (Map.Entry<ClientVersion, ClientVersioningHook> e : contributions.entrySet()) {
            if (hooks.put(e.getKey().client(), e.getValue()) != null) {
                throw new IllegalStateException("Client " + e.getKey().client().clientId().value() + " major version "
                        + e.getKey().client().majorVersion() + " is contributed twice");
            }
        }
        return new Clients(contributions.keySet().stream().sorted(LISTING_ORDER).toList(), Map.copyOf(hooks));
    }
}
