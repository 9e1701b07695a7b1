package org.thicket.bramble.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.connection.api.ConnectionManager;
import org.thicket.bramble.connection.api.ConnectionRegistry;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.sync.api.MessageAddedEvent;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.test.CoreNode;
import org.thicket.bramble.test.EventLog;
import org.thicket.bramble.test.MemoryConnection;
import org.thicket.bramble.test.MemoryTransport;
import org.thicket.bramble.test.SimplexStream;

/**
 * Whole cores in one JVM, each on its own database, syncing through the real connection manager: BTP streams with
 * real transport keys, BSP sessions, the registry. Duplex connections are in-memory pipes, simplex ones byte arrays
 * written by one node and read by the other.
 */
class SyncIntegrationTest {

    private static final int MESSAGES = 40;
    private static final int MAX_FILE_ROUNDS = 6;

    @TempDir
    Path dir;

    private final List<CoreNode> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(CoreNode::close);
    }

    private CoreNode node(String name, int parity) {
        CoreNode node = CoreNode.create(dir.resolve(name), name, parity, MemoryTransport.module());
        nodes.add(node);
        return node;
    }

    private static void connectDuplex(CoreNode from, ContactId to, CoreNode acceptor) {
        MemoryConnection[] pair = MemoryTransport.duplexPair();
        from.get(ConnectionManager.class).manageOutgoingConnection(to, MemoryTransport.ID, pair[0]);
        acceptor.get(ConnectionManager.class).manageIncomingConnection(MemoryTransport.ID, pair[1]);
    }

    /** One file from {@code from} to {@code reader}, written in full before it is read. */
    private static SimplexStream.Reader carry(CoreNode from, ContactId to, CoreNode reader) throws Exception {
        SimplexStream stream = new SimplexStream();
        from.get(ConnectionManager.class).manageOutgoingConnection(to, MemoryTransport.ID, stream.writer);
        SimplexStream.Reader file = SimplexStream.reader(stream.awaitBytes());
        reader.get(ConnectionManager.class).manageIncomingConnection(MemoryTransport.ID, file);
        return file.awaitReleased();
    }

    @Test
    void threeNodesSyncEveryMessageExactlyOnceOverDuplexAndSimplexConnections() throws Exception {
        CoreNode alice = node("alice", 0);
        CoreNode bob = node("bob", 1);
        CoreNode carol = node("carol", 0);
        EventLog atAlice = EventLog.attach(alice);
        EventLog atBob = EventLog.attach(bob);
        EventLog atCarol = EventLog.attach(carol);
        Peers ab = Peers.connect(alice, bob, "alice-bob");
        Peers bc = Peers.connect(bob, carol, "bob-carol");
        Peers ac = Peers.connect(alice, carol, "alice-carol");
        List<MessageId> aliceToBob = ab.post(alice, MESSAGES);
        List<MessageId> bobToAlice = ab.post(bob, MESSAGES);
        List<MessageId> bobToCarol = bc.post(bob, MESSAGES);
        List<MessageId> carolToBob = bc.post(carol, MESSAGES);
        List<MessageId> aliceToCarol = ac.post(alice, MESSAGES);
        List<MessageId> carolToAlice = ac.post(carol, MESSAGES);

        // Alice and Bob, and Bob and Carol, over duplex connections opened by either side.
        connectDuplex(alice, ab.friends.bAtA(), bob);
        connectDuplex(carol, bc.friends.aAtB(), bob);
        // Alice and Carol by files only. The core's own clients (versioning, transport properties) answer what they
        // read with new messages, so files go back and forth until both sides have acked everything.
        for (int round = 0; round < MAX_FILE_ROUNDS; round++) {
            SimplexStream.Reader toCarol = carry(alice, ac.friends.bAtA(), carol);
            SimplexStream.Reader toAlice = carry(carol, ac.friends.aAtB(), alice);
            assertThat(List.of(toCarol.recognised(), toCarol.exception(), toAlice.recognised(), toAlice.exception()))
                    .containsExactly(true, false, true, false);
            if (Peers.allAcked(alice, ac.friends.bAtA()) && Peers.allAcked(carol, ac.friends.aAtB())) break;
        }

        EventLog.await("every message arrived", () -> Peers.hasAll(bob, aliceToBob)
                && Peers.hasAll(alice, bobToAlice) && Peers.hasAll(carol, bobToCarol)
                && Peers.hasAll(bob, carolToBob) && Peers.hasAll(carol, aliceToCarol)
                && Peers.hasAll(alice, carolToAlice));
        EventLog.await("Bob acked Alice", () -> Peers.allAcked(alice, ab.friends.bAtA()));
        EventLog.await("Alice acked Bob", () -> Peers.allAcked(bob, ab.friends.aAtB()));
        EventLog.await("Carol acked Bob", () -> Peers.allAcked(bob, bc.friends.bAtA()));
        EventLog.await("Bob acked Carol", () -> Peers.allAcked(carol, bc.friends.aAtB()));
        EventLog.await("Carol acked Alice", () -> Peers.allAcked(alice, ac.friends.bAtA()));
        EventLog.await("Alice acked Carol", () -> Peers.allAcked(carol, ac.friends.aAtB()));

        // Arrivals are announced on each node's event thread, after the stores that were acked: wait for them.
        EventLog.await("every arrival was announced",
                () -> aliceToBob.stream().allMatch(id -> Peers.timesReceived(id, atBob) > 0)
                && carolToBob.stream().allMatch(id -> Peers.timesReceived(id, atBob) > 0)
                && bobToAlice.stream().allMatch(id -> Peers.timesReceived(id, atAlice) > 0)
                && carolToAlice.stream().allMatch(id -> Peers.timesReceived(id, atAlice) > 0)
                && bobToCarol.stream().allMatch(id -> Peers.timesReceived(id, atCarol) > 0)
                && aliceToCarol.stream().allMatch(id -> Peers.timesReceived(id, atCarol) > 0));
        for (MessageId id : aliceToBob) assertThat(Peers.timesReceived(id, atBob)).isEqualTo(1);
        for (MessageId id : carolToBob) assertThat(Peers.timesReceived(id, atBob)).isEqualTo(1);
        for (MessageId id : bobToAlice) assertThat(Peers.timesReceived(id, atAlice)).isEqualTo(1);
        for (MessageId id : carolToAlice) assertThat(Peers.timesReceived(id, atAlice)).isEqualTo(1);
        for (MessageId id : bobToCarol) assertThat(Peers.timesReceived(id, atCarol)).isEqualTo(1);
        for (MessageId id : aliceToCarol) assertThat(Peers.timesReceived(id, atCarol)).isEqualTo(1);
        assertThat(bob.get(ConnectionRegistry.class).isConnected(ab.friends.aAtB(), MemoryTransport.ID)).isTrue();
    }

    @Test
    void whenBothDialAtOnceBothKeepTheSameConnectionByItsPriority() throws Exception {
        CoreNode alice = node("alice", 0);
        CoreNode bob = node("bob", 1);
        Peers ab = Peers.connect(alice, bob, "alice-bob");
        MemoryConnection[] aliceDialled = MemoryTransport.duplexPair();
        MemoryConnection[] bobDialled = MemoryTransport.duplexPair();

        alice.get(ConnectionManager.class).manageOutgoingConnection(ab.friends.bAtA(), MemoryTransport.ID,
                aliceDialled[0]);
        bob.get(ConnectionManager.class).manageOutgoingConnection(ab.friends.aAtB(), MemoryTransport.ID,
                bobDialled[0]);
        bob.get(ConnectionManager.class).manageIncomingConnection(MemoryTransport.ID, aliceDialled[1]);
        alice.get(ConnectionManager.class).manageIncomingConnection(MemoryTransport.ID, bobDialled[1]);

        EventLog.await("one of the two connections closed on both sides",
                () -> (aliceDialled[0].isClosed() && aliceDialled[1].isClosed())
                        || (bobDialled[0].isClosed() && bobDialled[1].isClosed()));
        MemoryConnection[] kept = aliceDialled[0].isClosed() ? bobDialled : aliceDialled;
        MemoryConnection[] closed = kept == aliceDialled ? bobDialled : aliceDialled;
        assertThat(closed[0].closedWithException() || closed[1].closedWithException()).isFalse();
        assertThat(kept[0].isClosed() || kept[1].isClosed()).isFalse();

        List<MessageId> sent = ab.post(alice, 3);
        EventLog.await("messages still flow over the kept connection", () -> Peers.hasAll(bob, sent)
                && Peers.allAcked(alice, ab.friends.bAtA()));
        assertThat(kept[0].isClosed() || kept[1].isClosed()).isFalse();
    }

    @Test
    void aNodeRestartedMidSyncLosesNothingAndStoresNothingTwice() throws Exception {
        CoreNode alice = node("alice", 0);
        CoreNode bob = node("bob", 1);
        Peers ab = Peers.connect(alice, bob, "alice-bob");
        EventLog firstLife = EventLog.attach(bob);
        List<MessageId> sent = ab.post(alice, 300);
        List<MessageId> replies = ab.post(bob, 50);

        connectDuplex(alice, ab.friends.bAtA(), bob);
        EventLog.await("Bob received a first message",
                () -> firstLife.count(MessageAddedEvent.class,
                        e -> e.contactId() != null) > 0);
        CoreNode restarted = bob.restart(MemoryTransport.module());
        nodes.add(restarted);
        EventLog secondLife = EventLog.attach(restarted);
        EventLog.await("Alice's connection closed",
                () -> !alice.get(ConnectionRegistry.class).isConnected(ab.friends.bAtA()));

        connectDuplex(restarted, ab.friends.aAtB(), alice);
        EventLog.await("everything arrived and was acked", () -> Peers.hasAll(restarted, sent)
                && Peers.hasAll(alice, replies) && Peers.allAcked(alice, ab.friends.bAtA())
                && Peers.allAcked(restarted, ab.friends.aAtB()));
        EventLog.await("every arrival was announced",
                () -> sent.stream().allMatch(id -> Peers.timesReceived(id, firstLife, secondLife) > 0));
        for (MessageId id : sent) {
            assertThat(Peers.timesReceived(id, firstLife, secondLife)).as("times %s was stored", id).isEqualTo(1);
        }
    }
}
