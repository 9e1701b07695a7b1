package org.thicket.messenger.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.inject.Module;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.thicket.bramble.bench.StreamBench;
import org.thicket.bramble.connection.api.ConnectionManager;
import org.thicket.bramble.connection.api.ConnectionRegistry;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.ContactManager;
import org.thicket.bramble.crypto.api.ScryptCost;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.TransactionManager;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.event.api.EventListener;
import org.thicket.bramble.identity.api.Identity;
import org.thicket.bramble.lifecycle.api.StartResult;
import org.thicket.bramble.sync.api.MessageAddedEvent;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessagesAckedEvent;
import org.thicket.bramble.sync.api.Visibility;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.test.MemoryConnection;
import org.thicket.bramble.test.MemoryTransport;
import org.thicket.bramble.versioning.api.ClientVersioningManager;
import org.thicket.messenger.messaging.api.MessagingConstants;
import org.thicket.messenger.messaging.api.MessagingManager;
import org.thicket.messenger.messaging.api.PrivateMessageDeliveredEvent;
import org.thicket.messenger.messaging.api.PrivateMessageReceivedEvent;
import org.thicket.messenger.node.MessengerNode;

/**
 * The sync path's speed, bottom to top, in one run: the raw cipher, BTP streams over it, and private messages synced
 * between two whole messenger nodes. Not a test; see docs/benchmarks.md for the command. Optional arguments: the
 * number of messages (default 5,000), MiB per cipher pass (default 32).
 *
 * <p>Cipher and stream: 2 warm-up and 5 measured passes each, interleaved so both see the same load; "raw" seals and
 * opens 988-byte frames with XSalsa20-Poly1305, "stream" writes the same bytes through a BTP writer (the app's
 * default padding) into memory and reads them back. Sync: two nodes on their own encrypted databases, befriended
 * with one root key, one duplex in-memory connection through the real connection manager; once client versioning
 * has shared the messaging groups, two measurements of N messages of 1 KiB text each:
 * <ol>
 * <li>live: Alice's client writes the messages (100 per transaction, on a thread of their own) while they sync;</li>
 * <li>backlog (sync alone, as LanBench's backlog): the connection closed, Alice's client writes the messages
 * (timed and reported on their own), then a new connection syncs them, timed from its start;</li>
 * </ol>
 * each time the clock stops when Bob's client has received every one (stored, validated, delivered) AND Alice has
 * received Bob's ack for every one; a second figure waits for Alice's client to mark every one delivered
 * (PrivateMessageDeliveredEvent). Between the two, messages one at a time for latency.
 */
public final class SyncBench {

    private static final int PASSES = 5;
    private static final int TEXT_BYTES = 1024;
    private static final int PER_TRANSACTION = 100;
    private static final long TIMEOUT_S = 600;
    private static final long PROGRESS_S = 5;
    private static final int LATENCY_MESSAGES = 200;
    private static final int LATENCY_WARM_UP = 20;

    private SyncBench() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int mebibytes = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        System.out.printf("JVM %s %s, %d processors%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        StreamBench.compareRoundTrips(mebibytes, PASSES);
        syncMessages(messages);
    }

    // ---- Private messages between two nodes ----

    private static void syncMessages(int count) throws Exception {
        Path dir = Files.createTempDirectory("sync-bench");
        List<MessengerNode> nodes = new ArrayList<>();
        try {
            MessengerNode alice = start(dir.resolve("alice"), "alice", nodes);
            MessengerNode bob = start(dir.resolve("bob"), "bob", nodes);
            ContactId[] ids = befriend(alice, bob);
            Pair pair = new Pair(alice, ids[0], bob, ids[1]);

            MemoryConnection[] connection = pair.connect();
            long handshakeStart = System.nanoTime();
            awaitMessagingShared(alice, pair.bobAtAlice());
            awaitMessagingShared(bob, pair.aliceAtBob());
            System.out.printf("client versioning shared the messaging groups after %d ms%n",
                    (System.nanoTime() - handshakeStart) / 1_000_000);

            String text = "x".repeat(TEXT_BYTES);
            try (Progress live = new Progress(pair, count)) {
                long start = System.nanoTime();
                Thread sender = new Thread(() -> send(alice, pair.bobAtAlice(), text, 0, count, live.unacked),
                        "bench-sender");
                sender.start();
                live.report("sync of %d private messages of %d text bytes, written by Alice's client meanwhile"
                        .formatted(count, TEXT_BYTES), start);
                sender.join();
            }
            measureLatency(alice, pair.bobAtAlice(), bob, text);
            syncBacklog(pair, connection, text, count);
        } finally {
            nodes.forEach(MessengerNode::stop);
            deleteTree(dir);
        }
    }

    /**
     * Sync alone, as LanBench's backlog: the connection closed, Alice's client writes the messages (timed on their
     * own), then a new connection syncs them, timed from its start.
     */
    private static void syncBacklog(Pair pair, MemoryConnection[] connection, String text, int count)
            throws Exception {
        pair.disconnect(connection);
        try (Progress backlog = new Progress(pair, count)) {
            long writeStart = System.nanoTime();
            send(pair.alice(), pair.bobAtAlice(), text, 2_000_000, count, backlog.unacked);
            double written = (System.nanoTime() - writeStart) / 1e9;
            System.out.printf("backlog: %d messages written by Alice's client while disconnected in %.1f s "
                    + "(%.0f messages/s)%n", count, written, count / written);
            long start = System.nanoTime();
            pair.connect();
            backlog.report("sync of the backlog of %d messages over a new connection".formatted(count), start);
        }
    }

    /** Two befriended nodes. */
    private record Pair(MessengerNode alice, ContactId bobAtAlice, MessengerNode bob, ContactId aliceAtBob) {

        /** One duplex in-memory connection through the real connection managers, opened by Alice. */
        MemoryConnection[] connect() {
            MemoryConnection[] pair = MemoryTransport.duplexPair();
            alice.get(ConnectionManager.class).manageOutgoingConnection(bobAtAlice, MemoryTransport.ID, pair[0]);
            bob.get(ConnectionManager.class).manageIncomingConnection(MemoryTransport.ID, pair[1]);
            return pair;
        }

        /** Closes both ends and waits (bounded) until neither node counts the connection any more. */
        void disconnect(MemoryConnection[] pair) throws InterruptedException {
            for (MemoryConnection end : pair) end.close(false);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
            while (alice.get(ConnectionRegistry.class).isConnected(bobAtAlice)
                    || bob.get(ConnectionRegistry.class).isConnected(aliceAtBob)) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("The connection did not end");
                Thread.sleep(10);
            }
        }
    }

    /**
     * Counts, from Alice to Bob, messages received by Bob's client, acked back to Alice (sync) and marked delivered
     * by Alice's client, for the messages whose IDs are put in {@link #unacked}.
     */
    private static final class Progress implements AutoCloseable {

        final Set<MessageId> unacked = ConcurrentHashMap.newKeySet();
        private final Pair pair;
        private final CountDownLatch received;
        private final CountDownLatch acked;
        private final CountDownLatch delivered;
        private final EventListener atBob;
        private final EventListener atAlice;

        Progress(Pair pair, int count) {
            this.pair = pair;
            received = new CountDownLatch(count);
            acked = new CountDownLatch(count);
            delivered = new CountDownLatch(count);
            atBob = e -> {
                if (e instanceof PrivateMessageReceivedEvent r && r.contactId().equals(pair.aliceAtBob())) {
                    received.countDown();
                }
            };
            atAlice = e -> {
                if (e instanceof MessagesAckedEvent a && a.contactId().equals(pair.bobAtAlice())) {
                    for (MessageId id : a.messageIds()) {
                        if (unacked.remove(id)) acked.countDown();
                    }
                } else if (e instanceof PrivateMessageDeliveredEvent d && d.contactId().equals(pair.bobAtAlice())) {
                    delivered.countDown();
                }
            };
            pair.bob().get(EventBus.class).addListener(atBob);
            pair.alice().get(EventBus.class).addListener(atAlice);
        }

        /** Waits for every message and prints the rates since {@code start}: synced, then marked delivered. */
        void report(String what, long start) throws InterruptedException {
            long count = acked.getCount();
            awaitAll(List.of(received, acked), () -> syncState(pair));
            long synced = System.nanoTime() - start;
            awaitAll(List.of(delivered), () -> delivered.getCount() + " not marked delivered");
            long markedDelivered = System.nanoTime() - start;
            System.out.printf("%s, stored + validated at Bob and acked back at Alice (sync ack): %.1f s, %.0f "
                    + "messages/s%n", what, synced / 1e9, count / (synced / 1e9));
            System.out.printf("  ... and marked delivered by the messaging client at Alice: %.1f s, %.0f messages/s%n",
                    markedDelivered / 1e9, count / (markedDelivered / 1e9));
        }

        @Override
        public void close() {
            pair.bob().get(EventBus.class).removeListener(atBob);
            pair.alice().get(EventBus.class).removeListener(atAlice);
        }
    }

    /**
     * One message at a time over the open connection: from the start of Alice's sending transaction to each stage at
     * Bob, stamped on the event threads: the message stored by the incoming session, then validated and delivered
     * to the messaging client.
     */
    private static void measureLatency(MessengerNode alice, ContactId bobAtAlice, MessengerNode bob, String text)
            throws Exception {
        BlockingQueue<long[]> stamps = new LinkedBlockingQueue<>();
        long[] current = new long[2];
        bob.get(EventBus.class).addListener(e -> {
            if (e instanceof MessageAddedEvent added && added.contactId() != null) {
                current[0] = System.nanoTime();
            } else if (e instanceof PrivateMessageReceivedEvent) {
                stamps.add(new long[] {current[0], System.nanoTime()});
            }
        });
        long[] stored = new long[LATENCY_MESSAGES];
        long[] delivered = new long[LATENCY_MESSAGES];
        for (int i = -LATENCY_WARM_UP; i < LATENCY_MESSAGES; i++) {
            long start = System.nanoTime();
            send(alice, bobAtAlice, text, 1_000_000 + i + LATENCY_WARM_UP, 1, ConcurrentHashMap.newKeySet());
            long[] stamp = stamps.poll(TIMEOUT_S, TimeUnit.SECONDS);
            if (stamp == null) throw new IllegalStateException("A message did not arrive");
            if (i < 0) continue;
            stored[i] = stamp[0] - start;
            delivered[i] = stamp[1] - start;
        }
        Arrays.sort(stored);
        Arrays.sort(delivered);
        System.out.printf("latency of %d messages one at a time: stored at Bob p50 %.1f ms, p99 %.1f ms; "
                + "delivered to his messaging client p50 %.1f ms, p99 %.1f ms%n", LATENCY_MESSAGES,
                stored[LATENCY_MESSAGES / 2] / 1e6, stored[LATENCY_MESSAGES * 99 / 100] / 1e6,
                delivered[LATENCY_MESSAGES / 2] / 1e6, delivered[LATENCY_MESSAGES * 99 / 100] / 1e6);
    }

    /** Waits for both counts to reach zero, printing progress every few seconds. */
    private static void awaitAll(List<CountDownLatch> latches, Supplier<String> state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        for (CountDownLatch latch : latches) {
            while (!latch.await(PROGRESS_S, TimeUnit.SECONDS)) {
                System.out.printf("  ... waiting: %s%n", state.get());
                if (System.nanoTime() > deadline) throw new IllegalStateException("Sync did not finish");
            }
        }
    }

    /**
     * What the databases say: messages Alice may send that Bob has not acked, acks Bob has recorded as owed (on a
     * duplex connection they are mostly in memory).
     */
    private static String syncState(Pair pair) {
        MessengerNode alice = pair.alice();
        MessengerNode bob = pair.bob();
        ContactId bobAtAlice = pair.bobAtAlice();
        ContactId aliceAtBob = pair.aliceAtBob();
        try {
            DatabaseComponent a = alice.get(DatabaseComponent.class);
            DatabaseComponent b = bob.get(DatabaseComponent.class);
            int unacked = a.transactionWithResult(true, txn -> a.getUnackedMessagesToSend(txn, bobAtAlice).size());
            int owed = b.transactionWithResult(true, txn -> b.getMessagesToAck(txn, aliceAtBob, 10_000).size());
            return "Alice's database: " + unacked + " messages unacked; Bob's: " + owed + " acks recorded as owed";
        } catch (DbException e) {
            return "database state unknown: " + e;
        }
    }

    private static MessengerNode start(Path dir, String name, List<MessengerNode> nodes) throws IOException {
        Module fastScrypt = b -> b.bind(ScryptCost.class).toInstance(ScryptCost.fixed(1024));
        MessengerNode node = MessengerNode.create(dir, fastScrypt, MemoryTransport.module());
        nodes.add(node);
        byte[] password = "bench password".getBytes(UTF_8);
        if (node.createAccount(name, password) != StartResult.SUCCESS) {
            throw new IllegalStateException("Could not start " + name);
        }
        return node;
    }

    /** Each the other's contact with one root key, as after key agreement. Returns Bob at Alice, Alice at Bob. */
    private static ContactId[] befriend(MessengerNode alice, MessengerNode bob) throws DbException {
        byte[] root = new byte[SecretKey.LENGTH];
        new SecureRandom().nextBytes(root);
        long timestamp = alice.get(Clock.class).currentTimeMillis();
        return new ContactId[] {
            addContact(alice, bob.identity(), root, timestamp, true),
            addContact(bob, alice.identity(), root, timestamp, false)
        };
    }

    private static ContactId addContact(MessengerNode node, Identity remote, byte[] root, long timestamp,
            boolean alice) throws DbException {
        Identity ours = node.identity();
        SecretKey rootKey = new SecretKey(root.clone());
        return node.get(TransactionManager.class).transactionWithResult(false, txn -> node.get(ContactManager.class)
                .addContact(txn, remote.localAuthor().author(), ours.id(), rootKey, timestamp, alice, true, true));
    }

    private static void awaitMessagingShared(MessengerNode node, ContactId contact) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        ClientVersioningManager versioning = node.get(ClientVersioningManager.class);
        while (node.get(TransactionManager.class).transactionWithResult(true,
                txn -> versioning.getClientVisibility(txn, contact, MessagingConstants.CLIENT)) != Visibility.SHARED) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("Messaging never became shared");
            Thread.sleep(10);
        }
    }

    /** Writes messages {@code first} .. {@code first + count - 1}, 100 per transaction, putting their IDs in the set. */
    private static void send(MessengerNode node, ContactId contact, String text, int first, int count,
            Set<MessageId> sentIds) {
        MessagingManager messaging = node.get(MessagingManager.class);
        try {
            for (int sent = 0; sent < count; sent += PER_TRANSACTION) {
                int batch = Math.min(PER_TRANSACTION, count - sent);
                int from = first + sent;
                node.get(TransactionManager.class).transaction(false, txn -> {
                    for (int i = 0; i < batch; i++) {
                        sentIds.add(messaging.sendPrivateMessage(txn, contact, numbered(text, from + i), List.of(),
                                MessagingConstants.NO_AUTO_DELETE_TIMER).id());
                    }
                });
            }
        } catch (Exception e) {
            throw new IllegalStateException("Sending failed", e);
        }
    }

    /**
     * The text with its number in front, same length: two messages with the same text in the same millisecond would
     * be one message (same ID).
     */
    private static String numbered(String text, int n) {
        String number = n + " ";
        return number + text.substring(number.length());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
