package org.thicket.messenger.sync;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Module;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.client.api.ContactGroupFactory;
import org.thicket.bramble.connection.api.ConnectionManager;
import org.thicket.bramble.connection.api.ConnectionRegistry;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.ContactManager;
import org.thicket.bramble.crypto.api.ScryptCost;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.identity.api.Identity;
import org.thicket.bramble.lifecycle.api.StartResult;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageFactory;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.sync.api.Visibility;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.test.EventLog;
import org.thicket.bramble.test.MemoryConnection;
import org.thicket.bramble.test.MemoryTransport;
import org.thicket.bramble.test.SimplexStream;
import org.thicket.bramble.validation.api.MessageStateChangedEvent;
import org.thicket.bramble.versioning.api.ClientVersioningManager;
import org.thicket.messenger.messaging.api.MessagingConstants;
import org.thicket.messenger.messaging.api.MessagingManager;
import org.thicket.messenger.messaging.api.PrivateMessage;
import org.thicket.messenger.messaging.api.PrivateMessageFactory;
import org.thicket.messenger.messaging.api.PrivateMessageHeader;
import org.thicket.messenger.messaging.api.PrivateMessageReceivedEvent;
import org.thicket.messenger.node.MessengerNode;

/**
 * Three whole messenger nodes, each on its own account directory, befriended with shared root keys and syncing
 * through the real connection manager: Alice and Bob, and Bob and Carol, over duplex in-memory connections; Alice and
 * Carol by files only. Client versioning runs for real over the sessions before the messaging groups are shared.
 */
class ThreeNodeMessagingTest {

    private static final Module FAST_SCRYPT = b -> b.bind(ScryptCost.class).toInstance(ScryptCost.fixed(1024));
    private static final byte[] PASSWORD = "three nodes".getBytes(UTF_8);
    private static final int MAX_FILE_ROUNDS = 8;
    private static final long DAY_MS = TimeUnit.DAYS.toMillis(1);

    @TempDir
    Path dir;

    private final List<MessengerNode> running = new ArrayList<>();

    @AfterEach
    void stopAll() {
        running.forEach(MessengerNode::stop);
    }

    /** A node and every event it delivered, across restarts. */
    private final class Node {
        final String name;
        MessengerNode node;
        final List<Event> events = new CopyOnWriteArrayList<>();

        Node(String name) throws Exception {
            this.name = name;
            node = MessengerNode.create(dir.resolve(name), FAST_SCRYPT, MemoryTransport.module());
            running.add(node);
            listen();
            assertThat(node.createAccount(name, PASSWORD)).isEqualTo(StartResult.SUCCESS);
        }

        /**
         * Listens before signing in: at start validation takes up what was stored but not yet validated at the stop,
         * and the events of those messages must be counted too.
         */
        void restart() throws Exception {
            node.stop();
            node = MessengerNode.create(dir.resolve(name), FAST_SCRYPT, MemoryTransport.module());
            running.add(node);
            listen();
            assertThat(node.signIn(PASSWORD)).isEqualTo(StartResult.SUCCESS);
        }

        private void listen() {
            node.get(EventBus.class).addListener(events::add);
        }

        DatabaseComponent db() {
            return node.get(DatabaseComponent.class);
        }

        long timesReceived(MessageId id) {
            return events.stream().filter(e -> e instanceof PrivateMessageReceivedEvent r
                    && r.header().id().equals(id)).count();
        }

        MessageId send(ContactId to, String text) throws Exception {
            return db().transactionWithResult(false, txn -> node.get(MessagingManager.class)
                    .sendPrivateMessage(txn, to, text, List.of(), MessagingConstants.NO_AUTO_DELETE_TIMER).id());
        }

        List<PrivateMessageHeader> conversation(ContactId with) throws DbException {
            return db().transactionWithResult(true, txn -> node.get(MessagingManager.class).getConversation(txn,
                    with));
        }

        PrivateMessageHeader header(ContactId with, MessageId id) throws DbException {
            return conversation(with).stream().filter(h -> h.id().equals(id)).findFirst().orElse(null);
        }

        boolean messagingShared(ContactId with) {
            try {
                return db().transactionWithResult(true, txn -> node.get(ClientVersioningManager.class)
                        .getClientVisibility(txn, with, MessagingConstants.CLIENT)) == Visibility.SHARED;
            } catch (DbException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Two nodes' IDs for each other, from one root key and timestamp, as after key agreement. */
    private record Pair(ContactId bAtA, ContactId aAtB) {
    }

    private static Pair befriend(Node a, Node b) throws DbException {
        byte[] root = new byte[SecretKey.LENGTH];
        new SecureRandom().nextBytes(root);
        long timestamp = a.node.get(Clock.class).currentTimeMillis();
        return new Pair(add(a, b, root, timestamp, true), add(b, a, root, timestamp, false));
    }

    private static ContactId add(Node to, Node remote, byte[] root, long timestamp, boolean alice)
            throws DbException {
        Identity theirs = remote.node.identity();
        Identity ours = to.node.identity();
        return to.db().transactionWithResult(false, txn -> to.node.get(ContactManager.class).addContact(txn,
                theirs.localAuthor().author(), ours.id(), new SecretKey(root.clone()), timestamp, alice, true, true));
    }

    private static void duplex(Node opener, ContactId to, Node acceptor) {
        MemoryConnection[] pair = MemoryTransport.duplexPair();
        opener.node.get(ConnectionManager.class).manageOutgoingConnection(to, MemoryTransport.ID, pair[0]);
        acceptor.node.get(ConnectionManager.class).manageIncomingConnection(MemoryTransport.ID, pair[1]);
    }

    private static void carry(Node from, ContactId to, Node reader) throws Exception {
        SimplexStream stream = new SimplexStream();
        from.node.get(ConnectionManager.class).manageOutgoingConnection(to, MemoryTransport.ID, stream.writer);
        SimplexStream.Reader file = SimplexStream.reader(stream.awaitBytes());
        reader.node.get(ConnectionManager.class).manageIncomingConnection(MemoryTransport.ID, file);
        assertThat(file.awaitReleased().exception()).isFalse();
    }

    /** Files both ways until the condition holds (versioning, then messages and acks, take a few rounds). */
    private static void exchangeFiles(Node a, Pair ac, Node c, BooleanSupplier done)
            throws Exception {
        for (int round = 0; round < MAX_FILE_ROUNDS && !done.getAsBoolean(); round++) {
            carry(a, ac.bAtA(), c);
            carry(c, ac.aAtB(), a);
        }
        assertThat(done.getAsBoolean()).as("settled within %d rounds of files", MAX_FILE_ROUNDS).isTrue();
    }

    @Test
    void privateMessagesTravelOverDuplexAndSimplexExactlyOnceAndSurviveARestart() throws Exception {
        Node alice = new Node("alice");
        Node bob = new Node("bob");
        Node carol = new Node("carol");
        Pair ab = befriend(alice, bob);
        Pair bc = befriend(bob, carol);
        Pair ac = befriend(alice, carol);

        duplex(alice, ab.bAtA(), bob);
        duplex(carol, bc.aAtB(), bob);
        EventLog.await("client versioning shared messaging over the duplex connections",
                () -> alice.messagingShared(ab.bAtA()) && bob.messagingShared(ab.aAtB())
                        && bob.messagingShared(bc.bAtA()) && carol.messagingShared(bc.aAtB()));
        exchangeFiles(alice, ac, carol, () -> alice.messagingShared(ac.bAtA()) && carol.messagingShared(ac.aAtB()));

        MessageId aToB = alice.send(ab.bAtA(), "hello Bob");
        MessageId bToC = bob.send(bc.bAtA(), "hello Carol");
        MessageId cToB = carol.send(bc.aAtB(), "hello Bob, from Carol");
        MessageId aToC = alice.send(ac.bAtA(), "hello Carol, by file");
        MessageId cToA = carol.send(ac.aAtB(), "hello Alice, by file");

        EventLog.await("the duplex messages arrived and were acked",
                () -> bob.timesReceived(aToB) > 0 && carol.timesReceived(bToC) > 0 && bob.timesReceived(cToB) > 0
                        && delivered(alice, ab.bAtA(), aToB) && delivered(bob, bc.bAtA(), bToC)
                        && delivered(carol, bc.aAtB(), cToB));
        exchangeFiles(alice, ac, carol, () -> carol.timesReceived(aToC) > 0 && alice.timesReceived(cToA) > 0
                && delivered(alice, ac.bAtA(), aToC) && delivered(carol, ac.aAtB(), cToA));

        assertThat(List.of(bob.timesReceived(aToB), carol.timesReceived(bToC), bob.timesReceived(cToB),
                carol.timesReceived(aToC), alice.timesReceived(cToA))).containsOnly(1L);
        PrivateMessageHeader atBob = bob.header(ab.aAtB(), aToB);
        assertThat(atBob.local()).isFalse();
        assertThat(atBob.read()).isFalse();
        bob.db().transaction(false, txn -> bob.node.get(MessagingManager.class).setReadFlag(txn, ab.aAtB(), aToB,
                true));
        assertThat(bob.header(ab.aAtB(), aToB).read()).isTrue();

        // Bob restarts while Alice has messages for him on the way; nothing is lost, nothing arrives twice.
        List<MessageId> burst = new ArrayList<>();
        for (int i = 0; i < 30; i++) burst.add(alice.send(ab.bAtA(), "burst " + i));
        EventLog.await("Bob got the first of the burst", () -> bob.timesReceived(burst.get(0)) > 0);
        bob.restart();
        EventLog.await("Alice saw Bob go",
                () -> !alice.node.get(ConnectionRegistry.class).isConnected(ab.bAtA()));
        duplex(bob, ab.aAtB(), alice);
        EventLog.await("the whole burst arrived and was acked", () -> burst.stream()
                .allMatch(id -> bob.timesReceived(id) > 0 && delivered(alice, ab.bAtA(), id)));
        for (MessageId id : burst) assertThat(bob.timesReceived(id)).as("times Bob got %s", id).isEqualTo(1);
        assertThat(bob.conversation(ab.aAtB()).stream().map(PrivateMessageHeader::id)).containsAll(burst);
    }

    @Test
    void aPrivateMessageMoreThanADayAheadIsRejectedAndNeverShown() throws Exception {
        Node alice = new Node("alice");
        Node bob = new Node("bob");
        Pair ab = befriend(alice, bob);
        duplex(alice, ab.bAtA(), bob);
        EventLog.await("messaging shared",
                () -> alice.messagingShared(ab.bAtA()) && bob.messagingShared(ab.aAtB()));

        Message future = message(alice, bob, 2 * DAY_MS, body(alice, "from the future"));

        assertThat(outcomesAtPeer(alice, bob, future)).containsExactly(MessageState.INVALID);
        assertThat(bob.conversation(ab.aAtB())).noneMatch(h -> h.id().equals(future.getId()));
        assertThat(bob.timesReceived(future.getId())).isZero();
    }

    /**
     * Sync does not parse message bodies, so a body that is not canonical BDF travels like any other message; the
     * receiver's validator rejects it, deletes it and never shows it, and the connection carries on with the next
     * message. Dropping the connection would not help: the peer's sync layer did nothing wrong, and the invalid
     * message is acked so that it is not sent again.
     */
    @Test
    void aPrivateMessageWithANonCanonicalBodyIsRejectedDeletedAndTheNextOneStillArrives() throws Exception {
        Node alice = new Node("alice");
        Node bob = new Node("bob");
        Pair ab = befriend(alice, bob);
        duplex(alice, ab.bAtA(), bob);
        EventLog.await("messaging shared",
                () -> alice.messagingShared(ab.bAtA()) && bob.messagingShared(ab.aAtB()));

        byte[] canonical = body(alice, "x");
        // [0, "x", []] with the leading 0 as INT_16 (0x22 0x00 0x00) where canonical BDF takes INT_8 (0x21 0x00).
        assertThat(canonical[1]).isEqualTo((byte) 0x21);
        byte[] nonCanonical = new byte[canonical.length + 1];
        nonCanonical[0] = canonical[0];
        nonCanonical[1] = 0x22;
        System.arraycopy(canonical, 2, nonCanonical, 3, canonical.length - 2);
        Message bad = message(alice, bob, 0, nonCanonical);

        assertThat(outcomesAtPeer(alice, bob, bad)).containsExactly(MessageState.INVALID);
        byte[] stored = bob.db().transactionWithResult(true, txn -> bob.db().getMessage(txn, bad.getId()));
        assertThat(stored).as("deleted").isNull();
        assertThat(bob.timesReceived(bad.getId())).isZero();
        MessageId next = alice.send(ab.bAtA(), "still talking");
        EventLog.await("the next message arrived over the same connection", () -> bob.timesReceived(next) == 1);
    }

    /** Stores the message at the sender, shared, and waits for the receiver's validation outcomes of it. */
    private static List<MessageState> outcomesAtPeer(Node from, Node to, Message m) throws Exception {
        List<MessageState> outcomes = new CopyOnWriteArrayList<>();
        to.node.get(EventBus.class).addListener(e -> {
            if (e instanceof MessageStateChangedEvent s && s.messageId().equals(m.getId())) outcomes.add(s.state());
        });
        from.db().transaction(false, txn -> from.db().addMessage(txn, m, MessageState.DELIVERED, true, false));
        EventLog.await("the receiver validated it", () -> !outcomes.isEmpty());
        return outcomes;
    }

    private static byte[] body(Node from, String text) {
        return from.node.get(PrivateMessageFactory.class).createPrivateMessageBody(
                new PrivateMessage(text, List.of(), MessagingConstants.NO_AUTO_DELETE_TIMER));
    }

    /** A message in the pair's messaging group, stamped {@code aheadMs} after the sender's clock. */
    private static Message message(Node from, Node to, long aheadMs, byte[] body) throws DbException {
        Group group = from.node.get(ContactGroupFactory.class).createContactGroup(MessagingConstants.CLIENT_ID,
                MessagingConstants.MAJOR_VERSION, from.node.identity().id(), to.node.identity().id());
        long timestamp = from.node.get(Clock.class).currentTimeMillis() + aheadMs;
        return from.node.get(MessageFactory.class).createMessage(group.getId(), timestamp, body);
    }

    private static boolean delivered(Node sender, ContactId to, MessageId id) {
        try {
            PrivateMessageHeader h = sender.header(to, id);
            return h != null && h.delivered();
        } catch (DbException e) {
            throw new AssertionError(e);
        }
    }
}
