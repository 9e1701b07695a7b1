package org.thicket.bramble.db;

import static org.thicket.bramble.db.LockingTransactionManager.connection;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.contact.api.Contact;
import org.thicket.bramble.contact.api.ContactExistsException;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.NoSuchContactException;
import org.thicket.bramble.contact.api.PendingContact;
import org.thicket.bramble.contact.api.PendingContactId;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DatabaseConfig;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.MigrationListener;
import org.thicket.bramble.db.api.NoSuchGroupException;
import org.thicket.bramble.db.api.NoSuchIdentityException;
import org.thicket.bramble.db.api.NoSuchMessageException;
import org.thicket.bramble.db.api.Receipt;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.identity.api.Author;
import org.thicket.bramble.identity.api.AuthorId;
import org.thicket.bramble.identity.api.Identity;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.settings.api.Settings;
import org.thicket.bramble.settings.api.SettingsUpdatedEvent;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.GroupId;
import org.thicket.bramble.sync.api.GroupVisibilityUpdatedEvent;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageAddedEvent;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageRequestedEvent;
import org.thicket.bramble.sync.api.MessageSharedEvent;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.sync.api.MessageToAckEvent;
import org.thicket.bramble.sync.api.MessageToRequestEvent;
import org.thicket.bramble.sync.api.MessagesAckedEvent;
import org.thicket.bramble.sync.api.MessagesSentEvent;
import org.thicket.bramble.sync.api.Metadata;
import org.thicket.bramble.sync.api.SyncConstants;
import org.thicket.bramble.sync.api.Visibility;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.transport.api.KeySetId;
import org.thicket.bramble.transport.api.TransportKeySet;
import org.thicket.bramble.transport.api.TransportKeys;

/** The database: opening and closing, transactions (delegated), and the data methods over the table classes. */
final class DatabaseComponentImpl implements DatabaseComponent {

    /** Enough for the few concurrent readers the app has; more readers wait for a free connection. */
    static final int CONNECTIONS = 4;
    static final String DIRTY_KEY = "dirty";

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseComponentImpl.class);

    private final H2Connector connector;
    private final LockingTransactionManager transactions;
    private final SchemaMigrator migrator;
    private final SettingsTable settings = new SettingsTable();
    private final IdentityTable identities = new IdentityTable();
    private final GroupTable groups = new GroupTable();
    private final MessageTable messages = new MessageTable();
    private final Clock clock;
    private final VisibilityTable visibilities = new VisibilityTable();
    private final StatusTable statuses = new StatusTable();
    private final OfferTable offers = new OfferTable();
    private final MetadataTable metadata = new MetadataTable();
    private final DependencyTable dependencies = new DependencyTable();
    private final ContactTable contacts = new ContactTable();
    private final TransportTable transportTable = new TransportTable();
    private final TransportKeyTable transportKeys = new TransportKeyTable();

    // Written by open() under the write lock; read once open() has returned.
    private volatile boolean closedCleanlyLastTime;

    @Inject
    DatabaseComponentImpl(DatabaseConfig config, EventBus eventBus, Clock clock) {
        this(config, eventBus, clock, List.of(new SyncIndexesMigration(), new MetadataRowsMigration(),
                new LeanStatusesMigration(), new SequentialKeysMigration(), new StatusKeysMigration()));
    }

    DatabaseComponentImpl(DatabaseConfig config, EventBus eventBus, Clock clock, List<Migration> migrations) {
        this.clock = clock;
        connector = new H2Connector(config.getDatabaseDirectory());
        transactions = new LockingTransactionManager(eventBus);
        migrator = new SchemaMigrator(settings, migrations);
    }

    @Override
    public boolean open(SecretKey key, MigrationListener listener) throws DbException {
        return transactions.exclusively(() -> {
            if (transactions.getPool() != null) throw new IllegalStateException("The database is already open");
            boolean create = !connector.databaseExists();
            if (create) createDirectory();
            List<Connection> connections = connector.connect(key, create, CONNECTIONS);
            try {
                prepare(connections.get(0), create, listener);
            } catch (DbException | RuntimeException e) {
                Jdbc.closeAll(connections);
                throw e;
            }
            transactions.setPool(new ConnectionPool(connections));
            return create;
        });
    }

    private void createDirectory() throws DbException {
        try {
            Files.createDirectories(connector.directory());
        } catch (IOException e) {
            throw new DbException("Could not create the database directory " + connector.directory(), e);
        }
    }

    /** Creates or migrates the schema, then marks the database open ("dirty") until a clean close. */
    private void prepare(Connection c, boolean create, MigrationListener listener) throws DbException {
        if (create) {
            try {
                Schema.create(c);
            } catch (SQLException e) {
                throw new DbException("Could not create the database schema", e);
            }
            migrator.storeCodeVersion(c);
        } else {
            migrator.migrate(c, listener);
        }
        boolean dirty = settings.get(c, SchemaMigrator.NAMESPACE).getBoolean(DIRTY_KEY, false);
        if (dirty) LOG.warn("The database was not closed cleanly last time");
        closedCleanlyLastTime = !dirty;
        setDirty(c, true);
    }

    private void setDirty(Connection c, boolean dirty) throws DbException {
        settings.put(c, SchemaMigrator.NAMESPACE, Settings.EMPTY.withBoolean(DIRTY_KEY, dirty));
        try {
            c.commit();
        } catch (SQLException e) {
            throw new DbException("Could not record whether the database is open", e);
        }
    }

    /** False if the previous session ended without {@link #close()}, e.g. in a crash; a later repair may use it. */
    boolean wasClosedCleanlyLastTime() {
        return closedCleanlyLastTime;
    }

    /**
     * Marks the database clean and shuts H2 down with SHUTDOWN COMPACT, which rewrites the file so that deleted
     * messages do not linger in old, unused parts of it.
     */
    @Override
    public void close() throws DbException {
        transactions.exclusively(() -> {
            ConnectionPool pool = transactions.getPool();
            if (pool == null) return null;
            transactions.setPool(null);
            try {
                Connection c = pool.take();
                setDirty(c, false);
                try (Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN COMPACT");
                }
            } catch (SQLException e) {
                throw new DbException("Could not shut the database down cleanly", e);
            } finally {
                pool.closeAll();
            }
            return null;
        });
    }

    @Override
    public Transaction startTransaction(boolean readOnly) throws DbException {
        return transactions.startTransaction(readOnly);
    }

    @Override
    public void commitTransaction(Transaction txn) throws DbException {
        transactions.commitTransaction(txn);
    }

    @Override
    public void endTransaction(Transaction txn) {
        transactions.endTransaction(txn);
    }


    /** Lets tests see that a transaction waits for the lock. */
    LockingTransactionManager transactionManager() {
        return transactions;
    }

    @Override
    public Settings getSettings(Transaction txn, String namespace) throws DbException {
        return settings.get(connection(txn), namespace);
    }

    @Override
    public void mergeSettings(Transaction txn, Settings update, String namespace) throws DbException {
        Connection c = writable(txn);
        Settings old = settings.get(c, namespace);
        Settings merged = old.merge(update);
        if (merged.equals(old)) return;
        settings.put(c, namespace, update);
        txn.attach(new SettingsUpdatedEvent(namespace, merged));
    }

    @Override
    public void addIdentity(Transaction txn, Identity identity) throws DbException {
        Connection c = writable(txn);
        if (!identities.contains(c, identity.id())) identities.add(c, identity);
    }

    @Override
    public boolean containsIdentity(Transaction txn, AuthorId id) throws DbException {
        return identities.contains(connection(txn), id);
    }

    @Override
    public Identity getIdentity(Transaction txn, AuthorId id) throws DbException {
        return identities.get(connection(txn), id);
    }

    @Override
    public Collection<Identity> getIdentities(Transaction txn) throws DbException {
        return identities.getAll(connection(txn));
    }

    @Override
    public void removeIdentity(Transaction txn, AuthorId id) throws DbException {
        Connection c = writable(txn);
        statuses.removeAllOfIdentity(c, id);
        identities.remove(c, id);
    }

    @Override
    public void addGroup(Transaction txn, Group group) throws DbException {
        Connection c = writable(txn);
        if (!groups.contains(c, group.getId())) groups.add(c, group);
    }

    @Override
    public boolean containsGroup(Transaction txn, GroupId id) throws DbException {
        return groups.contains(connection(txn), id);
    }

    @Override
    public Group getGroup(Transaction txn, GroupId id) throws DbException {
        return groups.get(connection(txn), id);
    }

    @Override
    public void removeGroup(Transaction txn, GroupId id) throws DbException {
        Connection c = writable(txn);
        statuses.removeAllOfGroup(c, id);
        groups.remove(c, id);
    }

    @Override
    public boolean addMessage(Transaction txn, Message message, MessageState state, boolean shared,
            boolean temporary) throws DbException {
        return store(txn, writable(txn), message, state, shared, temporary, null, false)
                != MessageTable.ALREADY_STORED;
    }

    @Override
    public boolean addMessage(Transaction txn, Message message, MessageState state, Metadata metadata, boolean shared,
            boolean temporary) throws DbException {
        Connection c = writable(txn);
        long messageNo = store(txn, c, message, state, shared, temporary, null, false);
        if (messageNo == MessageTable.ALREADY_STORED) {
            this.metadata.mergeMessage(c, message.getId(), metadata);
            return false;
        }
        this.metadata.addMessage(c, messageNo, message, state, metadata);
        return true;
    }

    @Override
    public boolean containsMessage(Transaction txn, MessageId id) throws DbException {
        return messages.contains(connection(txn), id);
    }

    @Override
    public byte[] getMessage(Transaction txn, MessageId id) throws DbException {
        return messages.getRaw(connection(txn), id);
    }

    @Override
    public MessageState getMessageState(Transaction txn, MessageId id) throws DbException {
        return messages.getState(connection(txn), id);
    }

    @Override
    public void setMessageState(Transaction txn, MessageId id, MessageState state) throws DbException {
        messages.setState(writable(txn), id, state);
    }

    @Override
    public void deleteMessage(Transaction txn, MessageId id) throws DbException {
        messages.deleteContent(writable(txn), id);
    }

    private static Connection writable(Transaction txn) {
        if (txn.isReadOnly()) throw new IllegalArgumentException("This change needs a read-write transaction");
        return connection(txn);
    }

    // ---- Sync: group visibility, message statuses, offers, metadata and dependencies (specs/bsp.md) ----

    /**
     * Stores a message with its statuses unless it is stored already; {@code sender} is null for a message created
     * here. Returns whether it was new. @throws NoSuchGroupException if its group is not stored
     */
    /**
     * Returns the message's number, or {@link MessageTable#ALREADY_STORED}. A sender has it (seen) and, if
     * {@code ackOwed}, is owed an ack.
     */
    private long store(Transaction txn, Connection c, Message m, MessageState state, boolean shared,
            boolean temporary, ContactId sender, boolean ackOwed) throws DbException {
        long messageNo = messages.add(c, m, state, shared, temporary);
        if (messageNo == MessageTable.ALREADY_STORED) return messageNo;
        statuses.addForMessage(c, m, messageNo, state, shared, sender, ackOwed);
        offers.removeAll(c, m.getId());
        txn.attach(new MessageAddedEvent(m, sender));
        if (shared) txn.attach(new MessageSharedEvent(m.getId()));
        return messageNo;
    }

    /** Wake-up events only say "there is something to do for this contact": one per transaction is enough. */
    private static void attachOnce(Transaction txn, Event event) {
        if (!txn.getEvents().contains(event)) txn.attach(event);
    }

    @Override
    public Visibility getGroupVisibility(Transaction txn, ContactId contactId, GroupId groupId) throws DbException {
        return visibilities.get(connection(txn), contactId, groupId);
    }

    @Override
    public void setGroupVisibility(Transaction txn, ContactId contactId, GroupId groupId, Visibility visibility)
            throws DbException {
        Connection c = writable(txn);
        requireGroup(c, groupId);
        Visibility old = visibilities.get(c, contactId, groupId);
        if (old == visibility) return;
        boolean shared = visibility == Visibility.SHARED;
        if (visibility == Visibility.INVISIBLE) {
            visibilities.remove(c, contactId, groupId);
            statuses.removeForGroup(c, contactId, groupId);
        } else {
            visibilities.put(c, contactId, groupId, shared);
            if (old == Visibility.INVISIBLE) statuses.addForGroup(c, contactId, groupId, shared);
            else statuses.setGroupShared(c, contactId, groupId, shared);
        }
        txn.attach(new GroupVisibilityUpdatedEvent(List.of(contactId)));
    }

    @Override
    public Receipt receiveMessage(Transaction txn, ContactId sender, Message message, boolean recordAck)
            throws DbException {
        Connection c = writable(txn);
        if (visibilities.get(c, sender, message.getGroupId()) == Visibility.INVISIBLE) return Receipt.NOT_VISIBLE;
        boolean added = store(txn, c, message, MessageState.UNKNOWN, false, false, sender, recordAck)
                != MessageTable.ALREADY_STORED;
        Receipt receipt = added ? Receipt.STORED : Receipt.STORED_ALREADY;
        if (!recordAck) return receipt;
        if (!added) statuses.raiseAckFlag(c, sender, message.getId());
        attachOnce(txn, new MessageToAckEvent(sender));
        return receipt;
    }

    @Override
    public void setMessageShared(Transaction txn, MessageId id) throws DbException {
        Connection c = writable(txn);
        if (messages.isShared(c, id)) return;
        messages.setShared(c, id);
        txn.attach(new MessageSharedEvent(id));
    }

    @Override
    public Collection<MessageId> getMessagesToAck(Transaction txn, ContactId contactId, int maxMessages)
            throws DbException {
        return statuses.getMessagesToAck(connection(txn), contactId, requirePositive(maxMessages));
    }

    @Override
    public void lowerAckFlag(Transaction txn, ContactId contactId, Collection<MessageId> ids) throws DbException {
        statuses.lowerAckFlag(writable(txn), contactId, ids);
    }

    @Override
    public Collection<Message> getMessagesToSend(Transaction txn, ContactId contactId, int maxLength,
            long maxLatency) throws DbException {
        Connection c = writable(txn);
        ExponentialBackoff.checkLatency(maxLatency);
        long now = clock.currentTimeMillis();
        List<MessageId> due = statuses.getDue(c, contactId, now, maxLatency, requirePositive(maxLength));
        return send(txn, c, contactId, due, maxLatency, now);
    }

    @Override
    public Collection<MessageId> getMessagesToOffer(Transaction txn, ContactId contactId, int maxMessages,
            long maxLatency) throws DbException {
        Connection c = writable(txn);
        ExponentialBackoff.checkLatency(maxLatency);
        long now = clock.currentTimeMillis();
        List<MessageId> due = statuses.getDueIds(c, contactId, now, maxLatency, requirePositive(maxMessages));
        statuses.recordTransmissions(c, contactId, due, now, maxLatency);
        return due;
    }

    @Override
    public Collection<Message> getRequestedMessagesToSend(Transaction txn, ContactId contactId, int maxLength,
            long maxLatency) throws DbException {
        Connection c = writable(txn);
        ExponentialBackoff.checkLatency(maxLatency);
        List<MessageId> requested = statuses.getRequested(c, contactId, requirePositive(maxLength));
        return send(txn, c, contactId, requested, maxLatency, clock.currentTimeMillis());
    }

    private List<Message> send(Transaction txn, Connection c, ContactId contactId, List<MessageId> ids,
            long maxLatency, long now) throws DbException {
        List<Message> batch = new ArrayList<>(ids.size());
        for (MessageId id : ids) batch.add(messages.get(c, id));
        recordSent(txn, c, contactId, ids, maxLatency, now);
        return batch;
    }

    private void recordSent(Transaction txn, Connection c, ContactId contactId, Collection<MessageId> ids,
            long maxLatency, long now) throws DbException {
        List<MessageId> sent = statuses.recordTransmissions(c, contactId, ids, now, maxLatency);
        if (!sent.isEmpty()) txn.attach(new MessagesSentEvent(contactId, sent));
    }

    @Override
    public Collection<MessageId> getUnackedMessagesToSend(Transaction txn, ContactId contactId) throws DbException {
        return statuses.getUnacked(connection(txn), contactId);
    }

    @Override
    public Collection<MessageId> getSentUnackedMessages(Transaction txn, ContactId contactId) throws DbException {
        return statuses.getSentUnacked(connection(txn), contactId);
    }

    @Override
    public void updateRetransmission(Transaction txn, ContactId contactId, Collection<MessageId> ids,
            long maxLatency) throws DbException {
        Connection c = writable(txn);
        ExponentialBackoff.checkLatency(maxLatency);
        recordSent(txn, c, contactId, ids, maxLatency, clock.currentTimeMillis());
    }

    @Override
    public boolean isSeenBy(Transaction txn, ContactId contactId, MessageId id) throws DbException {
        return statuses.isSeen(connection(txn), contactId, id);
    }

    @Override
    public boolean raiseAckFlag(Transaction txn, ContactId contactId, MessageId id) throws DbException {
        if (!statuses.raiseAckFlag(writable(txn), contactId, id)) return false;
        attachOnce(txn, new MessageToAckEvent(contactId));
        return true;
    }

    @Override
    public List<MessageId> setAckedBy(Transaction txn, ContactId contactId, Collection<MessageId> ids)
            throws DbException {
        List<MessageId> acked = statuses.raiseSeenFlag(writable(txn), contactId, ids);
        if (!acked.isEmpty()) txn.attach(new MessagesAckedEvent(contactId, acked));
        return acked;
    }

    @Override
    public boolean addOfferedMessage(Transaction txn, ContactId contactId, MessageId id) throws DbException {
        Connection c = writable(txn);
        if (offers.contains(c, contactId, id)) return true;
        if (offers.count(c, contactId) >= SyncConstants.MAX_OFFERED_MESSAGES) return false;
        offers.add(c, contactId, id);
        attachOnce(txn, new MessageToRequestEvent(contactId));
        return true;
    }

    @Override
    public Collection<MessageId> getMessagesToRequest(Transaction txn, ContactId contactId, int maxMessages)
            throws DbException {
        return offers.getMissing(connection(txn), contactId, requirePositive(maxMessages));
    }

    @Override
    public void removeOfferedMessages(Transaction txn, ContactId contactId, Collection<MessageId> ids)
            throws DbException {
        offers.remove(writable(txn), contactId, ids);
    }

    @Override
    public boolean raiseRequestedFlag(Transaction txn, ContactId contactId, MessageId id) throws DbException {
        if (!statuses.raiseRequestedFlag(writable(txn), contactId, id)) return false;
        attachOnce(txn, new MessageRequestedEvent(contactId));
        return true;
    }

    @Override
    public Metadata getGroupMetadata(Transaction txn, GroupId id) throws DbException {
        Connection c = connection(txn);
        requireGroup(c, id);
        return metadata.getGroup(c, id);
    }

    @Override
    public void mergeGroupMetadata(Transaction txn, GroupId id, Metadata update) throws DbException {
        Connection c = writable(txn);
        requireGroup(c, id);
        metadata.mergeGroup(c, id, update);
    }

    @Override
    public Metadata getMessageMetadata(Transaction txn, MessageId id) throws DbException {
        return metadata.getMessage(connection(txn), id);
    }

    @Override
    public void mergeMessageMetadata(Transaction txn, MessageId id, Metadata update) throws DbException {
        metadata.mergeMessage(writable(txn), id, update);
    }

    @Override
    public boolean mergeMessageMetadataIf(Transaction txn, GroupId groupId, MessageId id, Metadata required,
            Metadata update) throws DbException {
        return metadata.mergeMessageIf(writable(txn), groupId, id, required, update);
    }

    @Override
    public Map<MessageId, Metadata> getMessageMetadata(Transaction txn, GroupId groupId) throws DbException {
        return metadata.getDelivered(connection(txn), groupId);
    }

    @Override
    public Collection<MessageId> getMessageIds(Transaction txn, GroupId groupId) throws DbException {
        return messages.getIds(connection(txn), groupId, MessageState.DELIVERED);
    }

    @Override
    public Collection<MessageId> getMessageIds(Transaction txn, GroupId groupId, Metadata query) throws DbException {
        Connection c = connection(txn);
        Map<MessageId, Metadata> delivered = metadata.getDelivered(c, groupId);
        List<MessageId> matching = new ArrayList<>();
        for (MessageId id : messages.getIds(c, groupId, MessageState.DELIVERED)) {
            if (delivered.getOrDefault(id, Metadata.EMPTY).includes(query)) matching.add(id);
        }
        return matching;
    }

    @Override
    public void addMessageDependencies(Transaction txn, MessageId dependent, Collection<MessageId> dependencyIds)
            throws DbException {
        Connection c = writable(txn);
        if (dependencyIds.isEmpty()) return;
        requireMessage(c, dependent);
        dependencies.add(c, dependent, dependencyIds);
    }

    @Override
    public Map<MessageId, MessageState> getMessageDependencies(Transaction txn, MessageId id) throws DbException {
        return dependencies.getDependencies(connection(txn), id);
    }

    @Override
    public Map<MessageId, MessageState> getMessageDependents(Transaction txn, MessageId id) throws DbException {
        return dependencies.getDependents(connection(txn), id);
    }

    private void requireGroup(Connection c, GroupId id) throws DbException {
        if (!groups.contains(c, id)) throw new NoSuchGroupException("No group " + id);
    }

    private void requireMessage(Connection c, MessageId id) throws DbException {
        if (!messages.contains(c, id)) throw new NoSuchMessageException("No message " + id);
    }

    private static int requirePositive(int limit) {
        if (limit <= 0) throw new IllegalArgumentException("A limit must be positive, not " + limit);
        return limit;
    }

    // ---- Contacts and transport keys ----

    @Override
    public ContactId addContact(Transaction txn, Author remote, AuthorId localAuthorId, PublicKey handshakePublicKey,
            boolean verified) throws DbException {
        Connection c = writable(txn);
        if (!identities.contains(c, localAuthorId)) throw new NoSuchIdentityException("No identity " + localAuthorId);
        if (contacts.contains(c, remote.id(), localAuthorId)) {
            throw new ContactExistsException("Author " + remote.id() + " is already a contact of " + localAuthorId);
        }
        return contacts.add(c, remote, localAuthorId, handshakePublicKey, verified);
    }

    @Override
    public boolean containsContact(Transaction txn, ContactId c) throws DbException {
        return contacts.contains(connection(txn), c);
    }

    @Override
    public boolean containsContact(Transaction txn, AuthorId remote, AuthorId localAuthorId) throws DbException {
        return contacts.contains(connection(txn), remote, localAuthorId);
    }

    @Override
    public Contact getContact(Transaction txn, ContactId c) throws DbException {
        return contacts.get(connection(txn), c);
    }

    @Override
    public Collection<Contact> getContacts(Transaction txn) throws DbException {
        return contacts.getAll(connection(txn));
    }

    @Override
    public void setContactAlias(Transaction txn, ContactId c, String alias) throws DbException {
        contacts.setAlias(writable(txn), c, alias);
    }

    @Override
    public void setContactVerified(Transaction txn, ContactId c, boolean verified) throws DbException {
        contacts.setVerified(writable(txn), c, verified);
    }

    @Override
    public void removeContact(Transaction txn, ContactId contactId) throws DbException {
        Connection c = writable(txn);
        statuses.removeAllOfContact(c, contactId);
        contacts.remove(c, contactId);
    }

    @Override
    public void addPendingContact(Transaction txn, PendingContact p) throws DbException {
        Connection c = writable(txn);
        if (contacts.containsPending(c, p.id())) {
            throw new ContactExistsException("Pending contact " + p.id() + " is already stored");
        }
        contacts.addPending(c, p);
    }

    @Override
    public Collection<PendingContact> getPendingContacts(Transaction txn) throws DbException {
        return contacts.getAllPending(connection(txn));
    }

    @Override
    public void removePendingContact(Transaction txn, PendingContactId p) throws DbException {
        contacts.removePending(writable(txn), p);
    }

    @Override
    public void addTransport(Transaction txn, TransportId t, long maxLatencyMs) throws DbException {
        transportTable.put(writable(txn), t, maxLatencyMs);
    }

    @Override
    public Map<TransportId, Long> getTransports(Transaction txn) throws DbException {
        return transportTable.getAll(connection(txn));
    }

    @Override
    public KeySetId addTransportKeys(Transaction txn, ContactId c, TransportKeys keys) throws DbException {
        Connection conn = writable(txn);
        if (!contacts.contains(conn, c)) throw new NoSuchContactException("No contact " + c.value());
        return transportKeys.add(conn, c, null, keys);
    }

    @Override
    public KeySetId addTransportKeys(Transaction txn, PendingContactId p, TransportKeys keys) throws DbException {
        Connection c = writable(txn);
        if (!contacts.containsPending(c, p)) throw new NoSuchContactException("No pending contact " + p);
        return transportKeys.add(c, null, p, keys);
    }

    @Override
    public Collection<TransportKeySet> getTransportKeys(Transaction txn, TransportId t) throws DbException {
        return transportKeys.getAll(connection(txn), t);
    }

    @Override
    public TransportKeySet getTransportKeySet(Transaction txn, TransportId t, KeySetId k) throws DbException {
        return transportKeys.get(connection(txn), t, k);
    }

    @Override
    public void updateTransportKeys(Transaction txn, TransportKeySet keys) throws DbException {
        transportKeys.update(writable(txn), keys);
    }

    @Override
    public long incrementStreamCounter(Transaction txn, TransportId t, KeySetId k) throws DbException {
        return transportKeys.incrementStreamCounter(writable(txn), t, k);
    }

    @Override
    public void setReorderingWindow(Transaction txn, TransportId t, KeySetId k, long timePeriod, long base,
            int bitmap) throws DbException {
        transportKeys.setReorderingWindow(writable(txn), t, k, timePeriod, base, bitmap);
    }

    @Override
    public void setTransportKeysActive(Transaction txn, TransportId t, KeySetId k) throws DbException {
        transportKeys.setActive(writable(txn), t, k);
    }

    @Override
    public void removeTransportKeys(Transaction txn, TransportId t, KeySetId k) throws DbException {
        transportKeys.remove(writable(txn), t, k);
    }

    // ---- Validation: messages by state, and dropping an invalid message's metadata (specs/bsp.md) ----

    private final ValidationTable validation = new ValidationTable();

    @Override
    public Collection<MessageId> getMessageIdsInState(Transaction txn, MessageState state) throws DbException {
        return validation.getIds(connection(txn), state);
    }

    @Override
    public void deleteMessageMetadata(Transaction txn, MessageId id) throws DbException {
        Connection c = writable(txn);
        requireMessage(c, id);
        validation.deleteMetadata(c, id);
    }
}
