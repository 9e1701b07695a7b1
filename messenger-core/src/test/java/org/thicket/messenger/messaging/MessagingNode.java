package org.thicket.messenger.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Key;
import com.google.inject.Module;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.ContactManager;
import org.thicket.bramble.crypto.api.ScryptCost;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbCallable;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.identity.api.Author;
import org.thicket.bramble.lifecycle.api.StartResult;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.test.SettableClock;
import org.thicket.messenger.messaging.api.MessagingManager;
import org.thicket.messenger.node.MessengerNode;

/**
 * One peer for the messaging tests: a whole {@link MessengerNode} (real account, encrypted database, lifecycle,
 * validation, client versioning, the messaging client) on a settable clock, and a record of every event its bus
 * delivered. It has at most one contact, {@link #peer()}. {@link #restart()} stops it and signs in again
 * over the same files.
 */
final class MessagingNode implements AutoCloseable {

    static final long TIMEOUT_SECONDS = 10;

    private static final byte[] PASSWORD = "messaging test password".getBytes(UTF_8);
    private static final Module FAST_SCRYPT = b -> b.bind(ScryptCost.class).toInstance(ScryptCost.fixed(1024));

    private final Path directory;
    private final SettableClock clock;
    private final List<Event> events = new ArrayList<>(); // guarded by itself
    private MessengerNode node;
    private ContactId peer;

    private MessagingNode(Path directory, SettableClock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** Creates the account and starts it. */
    static MessagingNode create(Path directory, String nickname) throws Exception {
        MessagingNode n = new MessagingNode(directory, new SettableClock());
        n.node = n.newNode();
        assertThat(n.node.createAccount(nickname, PASSWORD)).isEqualTo(StartResult.SUCCESS);
        return n;
    }

    private MessengerNode newNode() {
        Module clockBinding = b -> b.bind(Clock.class).toInstance(clock);
        MessengerNode created = MessengerNode.create(directory, FAST_SCRYPT, clockBinding);
        created.get(EventBus.class).addListener(this::record);
        return created;
    }

    /** Stops and signs in again: new objects over the same files, nothing kept in memory but the contact's ID. */
    void restart() throws Exception {
        node.stop();
        synchronized (events) {
            events.clear();
        }
        node = newNode();
        assertThat(node.signIn(PASSWORD)).isEqualTo(StartResult.SUCCESS);
    }

    /**
     * Makes each the other's contact, with opposite roles in the (simulated) key agreement, and lets the two swap
     * their client-versioning updates until the messaging client is active on both sides. Both clocks read the same
     * millisecond here: the updates' timestamp parity (specs/clients/versioning.md section 8) keeps them apart.
     */
    static void befriend(MessagingNode alice, MessagingNode bob) throws Exception {
        meet(alice, bob);
        Courier.settle(alice, bob);
    }

    /** Makes each the other's contact and syncs nothing: neither knows yet which clients the other runs. */
    static void meet(MessagingNode alice, MessagingNode bob) throws Exception {
        byte[] rootKey = new byte[SecretKey.LENGTH];
        rootKey[0] = 42;
        long timestamp = alice.clock.currentTimeMillis();
        alice.peer = alice.addContact(bob.author(), new SecretKey(rootKey), timestamp, true);
        bob.peer = bob.addContact(alice.author(), new SecretKey(rootKey), timestamp, false);
    }

    private ContactId addContact(Author remote, SecretKey rootKey, long timestamp, boolean alice) throws Exception {
        ContactManager contacts = node.get(ContactManager.class);
        Author me = author();
        try {
            return call(txn -> contacts.addContact(txn, remote, me.id(), rootKey, timestamp, alice, true, true));
        } finally {
            rootKey.wipe();
        }
    }

    Author author() throws Exception {
        return node.identity().localAuthor().author();
    }

    ContactId peer() {
        return peer;
    }

    SettableClock clock() {
        return clock;
    }

    MessagingManager messaging() {
        return node.get(MessagingManager.class);
    }

    DatabaseComponent db() {
        return node.get(DatabaseComponent.class);
    }

    <T> T get(Class<T> type) {
        return node.get(type);
    }

    <T> T get(Key<T> key) {
        return node.get(key);
    }

    /** Runs the task in a read-write transaction. */
    <R, E extends Exception> R call(DbCallable<R, E> task) throws Exception {
        return db().transactionWithResult(false, task);
    }

    private void record(Event event) {
        synchronized (events) {
            events.add(event);
            events.notifyAll();
        }
    }

    /** The events of the type delivered since the node (re)started, in order. */
    <E extends Event> List<E> events(Class<E> type) {
        synchronized (events) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    /** Waits, at most {@value #TIMEOUT_SECONDS} s, for a delivered event of the type that matches. */
    <E extends Event> E await(Class<E> type, Predicate<E> matches) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        synchronized (events) {
            while (true) {
                for (Event e : events) {
                    if (type.isInstance(e) && matches.test(type.cast(e))) return type.cast(e);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("No matching " + type.getSimpleName() + " within "
                        + TIMEOUT_SECONDS + " s");
                TimeUnit.NANOSECONDS.timedWait(events, left);
            }
        }
    }

    @Override
    public void close() {
        node.stop();
    }
}
