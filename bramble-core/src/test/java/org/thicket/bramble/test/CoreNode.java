package org.thicket.bramble.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.thicket.bramble.BrambleCoreModule;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.ContactManager;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.event.api.EventExecutor;
import org.thicket.bramble.event.api.EventListener;
import org.thicket.bramble.identity.api.Identity;
import org.thicket.bramble.identity.api.IdentityManager;
import org.thicket.bramble.lifecycle.api.LifecycleManager;
import org.thicket.bramble.lifecycle.api.StartResult;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.sync.api.SyncConstants;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.validation.api.MessageStateChangedEvent;

/**
 * One device for client tests: the app's whole core ({@link BrambleCoreModule} plus the modules a test adds) on a
 * real encrypted database in a directory, started through its lifecycle, with no transports. Messages move between
 * nodes only by hand ({@link #outbox}, {@link #receive}), standing in for sync sessions. {@link #restart} stops the
 * node and starts a new one over the same database, as after quitting the app, possibly with other modules: an
 * upgrade.
 * <p>
 * Each node's clock is the system clock with its lowest bit fixed to the node's parity, so two nodes never stamp
 * messages with the same millisecond: two identical updates in the same contact group would otherwise be one message.
 */
public final class CoreNode implements AutoCloseable {

    public static final long TIMEOUT_SECONDS = 10;

    /** Enough for everything a test queues for one contact: raw messages are at most 32 KiB each. */
    private static final int OUTBOX_BYTES = 4 * 1024 * 1024;

    private final Path directory;
    private final byte[] databaseKey;
    private final int clockParity;
    private final Injector injector;
    private boolean closed;

    private CoreNode(Path directory, byte[] databaseKey, int clockParity, Module... modules) {
        this.directory = directory;
        this.databaseKey = databaseKey;
        this.clockParity = clockParity;
        Clock clock = () -> (System.currentTimeMillis() & ~1L) | clockParity;
        Module core = Modules.override(new BrambleCoreModule(directory))
                .with(binder -> binder.bind(Clock.class).toInstance(clock));
        List<Module> all = new ArrayList<>(List.of(core));
        all.addAll(List.of(modules));
        injector = Guice.createInjector(all);
    }

    /**
     * A new account with an identity of this name, started.
     *
     * @param clockParity 0 or 1, different for nodes that are each other's contacts
     */
    public static CoreNode create(Path directory, String nickname, int clockParity, Module... modules) {
        byte[] key = new byte[SecretKey.LENGTH];
        new SecureRandom().nextBytes(key);
        CoreNode node = new CoreNode(directory, key, clockParity, modules);
        IdentityManager identities = node.get(IdentityManager.class);
        identities.registerIdentity(identities.createIdentity(nickname));
        node.start();
        return node;
    }

    /** Stops this node and starts the same account again with these modules. */
    public CoreNode restart(Module... modules) {
        close();
        CoreNode node = new CoreNode(directory, databaseKey, clockParity, modules);
        node.start();
        return node;
    }

    private void start() {
        SecretKey key = new SecretKey(databaseKey.clone());
        try {
            assertThat(get(LifecycleManager.class).startServices(key)).isEqualTo(StartResult.SUCCESS);
        } finally {
            key.wipe();
        }
    }

    public <T> T get(Class<T> type) {
        return injector.getInstance(type);
    }

    public DatabaseComponent db() {
        return get(DatabaseComponent.class);
    }

    public Identity identity() throws DbException {
        return db().transactionWithResult(true, txn -> get(IdentityManager.class).getIdentity(txn));
    }

    /** Adds the other node's identity as a contact, as key agreement would (no transports, so no keys). */
    public ContactId addContact(CoreNode other) throws DbException {
        byte[] rootKey = new byte[SecretKey.LENGTH];
        new SecureRandom().nextBytes(rootKey);
        Identity ours = identity();
        Identity theirs = other.identity();
        return db().transactionWithResult(false, txn -> get(ContactManager.class).addContact(txn,
                theirs.localAuthor().author(), ours.id(), new SecretKey(rootKey), get(Clock.class).currentTimeMillis(),
                true, true, true));
    }

    /** What a session to the contact would send now; it is recorded as sent, so it is not due again soon. */
    public List<Message> outbox(ContactId to) throws DbException {
        return List.copyOf(db().transactionWithResult(false,
                txn -> db().getMessagesToSend(txn, to, OUTBOX_BYTES, SyncConstants.MAX_TRANSPORT_LATENCY)));
    }

    /**
     * Stores the messages as received from the contact, in one transaction, and waits until validation has
     * delivered or invalidated each one that was new here. Messages of groups invisible to the contact are dropped,
     * as sync drops them, and are absent from the result.
     */
    public Map<MessageId, MessageState> receive(ContactId from, List<Message> messages) throws Exception {
        Map<MessageId, MessageState> outcomes = new ConcurrentHashMap<>();
        Set<MessageId> awaited = ConcurrentHashMap.newKeySet();
        CountDownLatch done = new CountDownLatch(1);
        EventListener listener = e -> {
            if (!(e instanceof MessageStateChangedEvent changed) || changed.local()) return;
            if (changed.state() != MessageState.DELIVERED && changed.state() != MessageState.INVALID) return;
            if (!awaited.contains(changed.messageId())) return;
            outcomes.put(changed.messageId(), changed.state());
            if (outcomes.keySet().containsAll(awaited)) done.countDown();
        };
        // Validation starts from the events of this transaction, after it commits: by then every awaited ID is known.
        EventBus bus = get(EventBus.class);
        bus.addListener(listener);
        try {
            db().transaction(false, txn -> {
                for (Message m : messages) {
                    if (db().receiveMessage(txn, from, m)) awaited.add(m.getId());
                }
            });
            if (!awaited.isEmpty()) {
                assertThat(done.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("validation finished").isTrue();
            }
        } finally {
            bus.removeListener(listener);
        }
        return Map.copyOf(outcomes);
    }

    public MessageState state(MessageId id) throws DbException {
        return db().transactionWithResult(true, txn -> db().getMessageState(txn, id));
    }

    /** Stops the lifecycle, which closes the database, and ends the event thread; safe to call twice. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        get(LifecycleManager.class).stopServices();
        if (injector.getInstance(Key.get(Executor.class, EventExecutor.class)) instanceof ExecutorService events) {
            events.shutdownNow();
        }
    }
}
