package org.thicket.bramble.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import com.google.inject.util.Modules;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.thicket.bramble.BrambleCoreModule;
import org.thicket.bramble.client.api.ClientHelper;
import org.thicket.bramble.client.api.ContactGroupFactory;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.MigrationListener;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.event.api.EventExecutor;
import org.thicket.bramble.event.api.EventListener;
import org.thicket.bramble.identity.api.Author;
import org.thicket.bramble.identity.api.Identity;
import org.thicket.bramble.identity.api.IdentityManager;
import org.thicket.bramble.lifecycle.api.Service;
import org.thicket.bramble.sync.api.ClientId;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.sync.api.Metadata;
import org.thicket.bramble.sync.api.Visibility;
import org.thicket.bramble.validation.api.ValidationExecutor;

/**
 * One run of the app for the validation tests: a real database in a directory, the event bus with its own event
 * thread, and the validation service with a {@link TrackingExecutor}, wired by Guice from the app's core module
 * plus the clients' contributions; the lifecycle is not started, the test opens the database and starts the
 * service itself. Closing it stops the service, closes the database and ends the event thread; a
 * new node over the same directory and key is a restart.
 */
final class ValidationNode implements AutoCloseable {

    static final long TIMEOUT_SECONDS = 10;

    /** Contacts and a contact group of the test client, shared with both contacts; they outlive a restart. */
    record World(ContactId alice, ContactId bob, Group group) {
    }

    final Injector injector;
    final DatabaseComponent db;
    final EventBus bus;
    final ClientHelper clientHelper;
    final ValidationManagerImpl manager;
    final TrackingExecutor executor;
    private final List<Event> events = Collections.synchronizedList(new ArrayList<>());
    private boolean closed;
    private long nextTimestamp = 1_700_000_000_000L;

    ValidationNode(Path dir, byte[] key, int threads, Module... clients) throws DbException {
        executor = new TrackingExecutor(threads);
        Module app = Modules.override(new BrambleCoreModule(dir)).with(new AbstractModule() {
            @Override
            protected void configure() {
                bind(ExecutorService.class).annotatedWith(ValidationExecutor.class).toInstance(executor);
            }
        });
        List<Module> modules = new ArrayList<>(List.of(app));
        modules.addAll(List.of(clients));
        injector = Guice.createInjector(modules);
        db = injector.getInstance(DatabaseComponent.class);
        bus = injector.getInstance(EventBus.class);
        clientHelper = injector.getInstance(ClientHelper.class);
        manager = injector.getInstance(ValidationManagerImpl.class);
        bus.addListener(events::add);
        db.open(new SecretKey(key), MigrationListener.NONE);
    }

    /** The service the lifecycle would start: the multibound contribution, which is the bound singleton. */
    void start() throws Exception {
        Set<Service> services = injector.getInstance(Key.get(new TypeLiteral<Set<Service>>() { }));
        assertThat(services).contains(manager);
        manager.startService();
        awaitQuiet();
    }

    /** Our identity, contacts Alice and Bob, and a contact group of the test client with Alice, shared with both. */
    World populate() throws DbException {
        IdentityManager identities = injector.getInstance(IdentityManager.class);
        Identity owner = identities.createIdentity("Owner");
        Author alice = identities.createIdentity("Alice").localAuthor().author();
        Author bob = identities.createIdentity("Bob").localAuthor().author();
        Group group = injector.getInstance(ContactGroupFactory.class).createContactGroup(TestClient.ID, 0,
                owner.id(), alice.id());
        return db.transactionWithResult(false, txn -> {
            db.addIdentity(txn, owner);
            ContactId aliceId = insertContact(txn, owner, alice);
            ContactId bobId = insertContact(txn, owner, bob);
            db.addGroup(txn, group);
            db.setGroupVisibility(txn, aliceId, group.getId(), Visibility.SHARED);
            db.setGroupVisibility(txn, bobId, group.getId(), Visibility.SHARED);
            return new World(aliceId, bobId, group);
        });
    }

    /** A group of another client, visible to the contact. */
    Group addGroup(ClientId clientId, ContactId visibleTo) throws DbException {
        Group group = injector.getInstance(ContactGroupFactory.class).createLocalGroup(clientId, 0);
        db.transaction(false, txn -> {
            db.addGroup(txn, group);
            db.setGroupVisibility(txn, visibleTo, group.getId(), Visibility.VISIBLE);
        });
        return group;
    }

    /** A contact row as the contact methods will write it; they belong to another concern, so this is SQL. */
    static ContactId insertContact(Transaction txn, Identity owner, Author contact) throws DbException {
        String sql = "INSERT INTO contacts (authorId, formatVersion, name, publicKey, localAuthorId, verified)"
                + " VALUES (?, ?, ?, ?, ?, TRUE)";
        Connection c = (Connection) txn.unbox();
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setBytes(1, contact.id().getBytes());
            ps.setInt(2, contact.formatVersion());
            ps.setString(3, contact.name());
            ps.setBytes(4, contact.publicKey().getEncoded());
            ps.setBytes(5, owner.id().getBytes());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new ContactId(keys.getInt(1));
            }
        } catch (SQLException e) {
            throw new DbException("Could not insert contact " + contact.name(), e);
        }
    }

    /** A message of the group with a later timestamp than the previous one. */
    Message message(Group group, BdfList body) {
        return clientHelper.createMessage(group.getId(), nextTimestamp++, body);
    }

    /** Stores the messages as received from the contact, in one transaction and in this order. */
    void receive(ContactId from, Message... messages) throws DbException {
        db.transaction(false, txn -> {
            for (Message m : messages) assertThat(db.receiveMessage(txn, from, m)).isTrue();
        });
    }

    /**
     * Waits until the events broadcast so far have reached every listener (so the service has queued its work),
     * then until the validation executor has run all of it, then until the events that work broadcast have reached
     * every listener too.
     */
    void awaitQuiet() throws Exception {
        awaitEvents();
        executor.awaitIdle(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        awaitEvents();
    }

    /** The event thread delivers in broadcast order: once a marker is delivered, so is everything before it. */
    private void awaitEvents() throws InterruptedException {
        CountDownLatch seen = new CountDownLatch(1);
        Event marker = new Event() { };
        EventListener listener = e -> {
            if (e == marker) seen.countDown();
        };
        bus.addListener(listener);
        bus.broadcast(marker);
        try {
            assertThat(seen.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("event thread caught up").isTrue();
        } finally {
            bus.removeListener(listener);
        }
    }

    MessageState state(Message m) throws DbException {
        return db.transactionWithResult(true, txn -> db.getMessageState(txn, m.getId()));
    }

    /** The raw message, or null once its content is deleted. */
    byte[] raw(Message m) throws DbException {
        return db.transactionWithResult(true, txn -> db.getMessage(txn, m.getId()));
    }

    Metadata metadata(Message m) throws DbException {
        return db.transactionWithResult(true, txn -> db.getMessageMetadata(txn, m.getId()));
    }

    /** The events broadcast since this node was created, of the type, in order. */
    <T extends Event> List<T> events(Class<T> type) {
        synchronized (events) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    /** Stops the service, closes the database and ends the event thread; safe to call twice. */
    @Override
    public void close() throws Exception {
        if (closed) return;
        closed = true;
        try {
            manager.stopService();
            db.close();
        } finally {
            ((ExecutorService) injector.getInstance(Key.get(Executor.class, EventExecutor.class))).shutdownNow();
        }
    }
}
