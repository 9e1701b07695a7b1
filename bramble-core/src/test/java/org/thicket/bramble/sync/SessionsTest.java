package org.thicket.bramble.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.multibindings.Multibinder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.event.api.EventListener;
import org.thicket.bramble.stream.api.StreamWriter;
import org.thicket.bramble.sync.api.Ack;
import org.thicket.bramble.sync.api.AckHandler;
import org.thicket.bramble.sync.api.ClientId;
import org.thicket.bramble.sync.api.DuplexSessions;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.GroupFactory;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageAddedEvent;
import org.thicket.bramble.sync.api.MessageFactory;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageRecord;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.sync.api.MessageToAckEvent;
import org.thicket.bramble.sync.api.Offer;
import org.thicket.bramble.sync.api.Priority;
import org.thicket.bramble.sync.api.SyncConstants;
import org.thicket.bramble.sync.api.SyncRecord;
import org.thicket.bramble.sync.api.SyncRecordReader;
import org.thicket.bramble.sync.api.SyncRecordReaderFactory;
import org.thicket.bramble.sync.api.SyncRecordWriter;
import org.thicket.bramble.sync.api.SyncRecordWriterFactory;
import org.thicket.bramble.sync.api.SyncSession;
import org.thicket.bramble.sync.api.SyncSessionFactory;
import org.thicket.bramble.sync.api.Versions;
import org.thicket.bramble.sync.api.Visibility;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.test.CoreNode;
import org.thicket.bramble.test.MemoryTransport;
import org.thicket.bramble.util.FormatException;

/** Sessions on one real core, their streams in memory (plaintext: BTP is the connection manager's business). */
class SessionsTest {

    /** Long enough that nothing sent in a test is due again during it. */
    private static final long LATENCY = 60_000;

    @TempDir
    Path dir;

    private CoreNode node;
    private ContactId contact;
    private Group group;
    /** What a client's ack handler was given, ack by ack, and whether it throws instead, as a buggy one would. */
    private final List<List<MessageId>> acksHandled = new CopyOnWriteArrayList<>();
    private volatile boolean ackHandlerThrows;

    @BeforeEach
    void setUp() throws Exception {
        AckHandler handler = (txn, from, acked) -> {
            if (ackHandlerThrows) throw new IllegalStateException("The ack handler failed on purpose");
            assertThat(from).isEqualTo(contact);
            for (MessageId id : acked) assertThat(node.db().isSeenBy(txn, from, id)).as("seen in the ack's").isTrue();
            acksHandled.add(acked);
        };
        node = CoreNode.create(dir.resolve("us"), "us", 0,
                b -> Multibinder.newSetBinder(b, AckHandler.class).addBinding().toInstance(handler));
        CoreNode other = CoreNode.create(dir.resolve("them"), "them", 1);
        try {
            contact = node.addContact(other);
        } finally {
            other.close();
        }
        group = node.get(GroupFactory.class).createGroup(new ClientId("org.thicket.test.sessions"), 0, new byte[0]);
        node.db().transaction(false, txn -> {
            node.db().addGroup(txn, group);
            node.db().setGroupVisibility(txn, contact, group.getId(), Visibility.SHARED);
        });
    }

    @AfterEach
    void tearDown() {
        node.close();
    }

    /** A stream writer that writes plaintext into memory. */
    private static final class PlainStream implements StreamWriter {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean ended;

        @Override
        public OutputStream getOutputStream() {
            return out;
        }

        @Override
        public void sendEndOfStream() {
            ended = true;
        }
    }

    private List<SyncRecord> simplex(boolean eager) throws Exception {
        PlainStream stream = new PlainStream();
        node.get(SyncSessionFactory.class).createSimplexOutgoingSession(contact, MemoryTransport.ID, LATENCY, eager,
                stream).run();
        assertThat(stream.ended).isTrue();
        return read(stream);
    }

    private List<SyncRecord> read(PlainStream stream) throws IOException {
        SyncRecordReader reader = node.get(SyncRecordReaderFactory.class)
                .createRecordReader(new ByteArrayInputStream(stream.out.toByteArray()));
        List<SyncRecord> records = new ArrayList<>();
        for (SyncRecord r = reader.readRecord(); r != null; r = reader.readRecord()) records.add(r);
        return records;
    }

    /** Messages of the test's group: the core's own clients share messages of their contact groups too. */
    private long messages(List<SyncRecord> records) {
        return records.stream().filter(r -> r instanceof MessageRecord m
                && m.message().getGroupId().equals(group.getId())).count();
    }

    private List<MessageId> post(int count) throws Exception {
        List<MessageId> ids = new ArrayList<>();
        node.db().transaction(false, txn -> {
            for (int i = 0; i < count; i++) {
                byte[] body = new byte[64];
                new SecureRandom().nextBytes(body);
                Message m = node.get(MessageFactory.class).createMessage(group.getId(),
                        node.get(Clock.class).currentTimeMillis(), body);
                node.db().addMessage(txn, m, MessageState.DELIVERED, true, false);
                ids.add(m.getId());
            }
        });
        return ids;
    }

    @Test
    void aSimplexSessionSendsVersionsThenWhatIsDueAndNotAgainUntilItIsDueAgain() throws Exception {
        post(5);

        List<SyncRecord> first = simplex(false);
        assertThat(first.get(0)).isEqualTo(new Versions(SyncConstants.SUPPORTED_VERSIONS));
        assertThat(messages(first)).isEqualTo(5);
        assertThat(messages(simplex(false))).as("sent a moment ago: not due").isZero();
    }

    @Test
    void anEagerSessionSendsEveryUnackedMessageEachTime() throws Exception {
        List<MessageId> ids = post(5);

        assertThat(messages(simplex(true))).isEqualTo(5);
        assertThat(messages(simplex(true))).isEqualTo(5);
        node.db().transaction(false, txn -> node.db().setAckedBy(txn, contact, ids.subList(0, 3)));
        assertThat(messages(simplex(true))).isEqualTo(2);
    }

    @Test
    void aDuplexSessionOpensWithAnOfferOfEveryMessageSentButNotAcked() throws Exception {
        List<MessageId> ids = post(3);
        assertThat(messages(simplex(false))).as("sent once").isEqualTo(3);
        node.db().transaction(false, txn -> node.db().setAckedBy(txn, contact, ids.subList(0, 1)));
        MessageId neverSent = post(1).get(0);
        PlainStream stream = new PlainStream();
        SyncSession session = node.get(SyncSessionFactory.class).createDuplexSessions(contact)
                .createOutgoingSession(MemoryTransport.ID, LATENCY, LATENCY, stream, null);

        session.interrupt();
        session.run();

        List<SyncRecord> records = read(stream);
        assertThat(records.get(0)).isEqualTo(new Versions(SyncConstants.SUPPORTED_VERSIONS));
        assertThat(records.get(1)).isInstanceOfSatisfying(Offer.class,
                offer -> assertThat(offer.messageIds()).containsAll(ids.subList(1, 3))
                        .doesNotContain(ids.get(0), neverSent));
    }

    private void incoming(byte[] plaintext, boolean expectPriority, List<Priority> priorities) throws Exception {
        node.get(SyncSessionFactory.class).createIncomingSession(contact, new ByteArrayInputStream(plaintext),
                expectPriority ? priorities::add : null).run();
    }

    private byte[] records(RecordsWriter w) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        w.write(node.get(SyncRecordWriterFactory.class).createRecordWriter(out));
        return out.toByteArray();
    }

    private interface RecordsWriter {
        void write(SyncRecordWriter w) throws IOException;
    }

    private static Priority nonce(int b) {
        byte[] n = new byte[SyncConstants.PRIORITY_NONCE_BYTES];
        n[0] = (byte) b;
        return new Priority(n);
    }

    @Test
    void aPriorityIsTakenOnceAndOnlyWhereThePeerOpenedTheConnection() throws Exception {
        List<Priority> seen = new ArrayList<>();
        incoming(records(w -> w.writePriority(nonce(1))), true, seen);
        assertThat(seen).containsExactly(nonce(1));

        assertThatThrownBy(() -> incoming(records(w -> w.writePriority(nonce(2))), false, seen))
                .isInstanceOf(FormatException.class);
        assertThatThrownBy(() -> incoming(records(w -> {
            w.writePriority(nonce(3));
            w.writePriority(nonce(4));
        }), true, seen)).isInstanceOf(FormatException.class);
        assertThat(seen).containsExactly(nonce(1), nonce(3));
    }

    @Test
    void offersOfMissingMessagesAreStoredUpToTheLimitAndOffersOfKnownOnesAcked() throws Exception {
        List<MessageId> ours = post(2);
        List<MessageId> offered = new ArrayList<>(ours);
        for (int i = 0; i < SyncConstants.MAX_OFFERED_MESSAGES + 10; i++) {
            byte[] id = new byte[MessageId.LENGTH];
            new SecureRandom().nextBytes(id);
            offered.add(new MessageId(id));
        }
        incoming(records(w -> w.writeOffer(new Offer(offered))), false, List.of());

        List<MessageId> toRequest = node.db().transactionWithResult(true,
                txn -> List.copyOf(node.db().getMessagesToRequest(txn, contact, 5_000)));
        assertThat(toRequest).hasSize(SyncConstants.MAX_OFFERED_MESSAGES).doesNotContainAnyElementsOf(ours);
        List<MessageId> acks = node.db().transactionWithResult(true,
                txn -> List.copyOf(node.db().getMessagesToAck(txn, contact, 100)));
        assertThat(acks).containsAll(ours);
        assertThat(messages(simplex(false))).as("the contact has them").isZero();
    }

    /**
     * Messages that arrive back to back are stored together, as many as fit in 256 messages and in one outgoing
     * batch's bytes: large ones 9 to a transaction (9 × 30,000 bytes reach the bound), small ones 256. Each storing
     * transaction announces one MessageToAckEvent for the contact.
     */
    @Test
    void receivedMessagesAreStoredInBatchesBoundedInCountAndInBytes() throws Exception {
        assertThat(storingTransactions(20, 30_000)).isEqualTo(3);
        assertThat(storingTransactions(300, 64)).isEqualTo(2);
    }

    /** How many transactions the incoming session took to store that many messages of that body size. */
    private int storingTransactions(int count, int bodyLength) throws Exception {
        List<Message> sent = theirMessages(count, bodyLength);
        AtomicInteger transactions = new AtomicInteger();
        CountDownLatch stored = new CountDownLatch(count);
        EventListener listener = e -> {
            if (e instanceof MessageToAckEvent a && a.contactId().equals(contact)) transactions.incrementAndGet();
            if (e instanceof MessageAddedEvent a && contact.equals(a.contactId())) stored.countDown();
        };
        node.get(EventBus.class).addListener(listener);
        try {
            incoming(records(w -> {
                for (Message m : sent) w.writeMessage(m);
            }), false, List.of());
            // One event thread, transactions' events in commit order: the last message's comes after every ack's.
            assertThat(stored.await(10, TimeUnit.SECONDS)).as("all stored").isTrue();
            return transactions.get();
        } finally {
            node.get(EventBus.class).removeListener(listener);
        }
    }

    @Test
    void anAckStopsTheMessagesGoingOutAndIsHandedToTheClientsInItsTransaction() throws Exception {
        List<MessageId> ids = post(3);
        MessageId unknown = new MessageId(new byte[MessageId.LENGTH]);
        List<MessageId> acked = new ArrayList<>(ids);
        acked.add(unknown);
        incoming(records(w -> w.writeAck(new Ack(acked))), false, List.of());

        assertThat(messages(simplex(true))).isZero();
        assertThat(acksHandled).containsExactly(ids);
    }

    @Test
    void anAckIsRecordedWithoutAClientsHandlerThatThrows() throws Exception {
        ackHandlerThrows = true;
        List<MessageId> ids = post(3);
        incoming(records(w -> w.writeAck(new Ack(ids))), false, List.of());

        assertThat(messages(simplex(true))).as("recorded all the same").isZero();
        assertThat(acksHandled).isEmpty();
    }

    /**
     * On a duplex connection the incoming session hands its acks to the outgoing one in memory: nothing is recorded
     * as owed in the database, and a message received again is acked again.
     */
    @Test
    void aDuplexConnectionAcksWhatItReadsFromMemory() throws Exception {
        List<Message> sent = theirMessages(2);
        DuplexSessions sessions = node.get(SyncSessionFactory.class).createDuplexSessions(contact);
        byte[] both = records(w -> {
            for (Message m : sent) w.writeMessage(m);
        });
        sessions.createIncomingSession(new ByteArrayInputStream(both), null).run();
        sessions.createIncomingSession(new ByteArrayInputStream(records(w -> w.writeMessage(sent.get(0)))), null)
                .run();
        assertThat(acksOwedInDatabase()).as("none recorded").isEmpty();

        PlainStream stream = new PlainStream();
        SyncSession outgoing = sessions.createOutgoingSession(MemoryTransport.ID, LATENCY, LATENCY, stream, null);
        Thread writer = new Thread(() -> {
            try {
                outgoing.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        List<MessageId> acked = awaitAcks(stream, 3);
        outgoing.interrupt();
        writer.join(10_000);

        assertThat(writer.isAlive()).isFalse();
        assertThat(acked).containsExactly(sent.get(0).getId(), sent.get(1).getId(), sent.get(0).getId());
        assertThat(acksOwedInDatabase()).as("nothing left to record").isEmpty();
    }

    /**
     * Acks still queued when the outgoing session ends, and those of messages read after it ended, are recorded in
     * the database: the next session to the contact writes them.
     */
    @Test
    void aDuplexConnectionRecordsTheAcksItCouldNotWrite() throws Exception {
        List<Message> sent = theirMessages(2);
        DuplexSessions sessions = node.get(SyncSessionFactory.class).createDuplexSessions(contact);
        sessions.createIncomingSession(new ByteArrayInputStream(records(w -> w.writeMessage(sent.get(0)))), null)
                .run();
        SyncSession outgoing = sessions.createOutgoingSession(MemoryTransport.ID, LATENCY, LATENCY, new PlainStream(),
                null);
        outgoing.interrupt();
        outgoing.run();
        assertThat(acksOwedInDatabase()).containsExactly(sent.get(0).getId());

        sessions.createIncomingSession(new ByteArrayInputStream(records(w -> w.writeMessage(sent.get(1)))), null)
                .run();
        assertThat(acksOwedInDatabase()).containsExactlyInAnyOrder(sent.get(0).getId(), sent.get(1).getId());
        List<MessageId> written = simplex(false).stream().filter(Ack.class::isInstance)
                .flatMap(r -> ((Ack) r).messageIds().stream()).toList();
        assertThat(written).containsExactlyInAnyOrder(sent.get(0).getId(), sent.get(1).getId());
    }

    /**
     * The process dies after storing, before its outgoing session wrote the acks (nothing closes the queue): the acks
     * are gone, the messages are not, and the contact's opening offer on the next connection brings the acks back.
     */
    @Test
    void acksLostWithTheProcessComeBackWithTheContactsNextOffer() throws Exception {
        List<Message> sent = theirMessages(2);
        List<MessageId> ids = sent.stream().map(Message::getId).toList();
        node.get(SyncSessionFactory.class).createDuplexSessions(contact).createIncomingSession(
                new ByteArrayInputStream(records(w -> {
                    for (Message m : sent) w.writeMessage(m);
                })), null).run();
        assertThat(acksOwedInDatabase()).as("held in memory, then lost").isEmpty();

        DuplexSessions next = node.get(SyncSessionFactory.class).createDuplexSessions(contact);
        next.createIncomingSession(new ByteArrayInputStream(records(w -> w.writeOffer(new Offer(ids)))), null).run();

        assertThat(acksOwedInDatabase()).containsExactlyInAnyOrderElementsOf(ids);
        List<MessageId> toRequest = node.db().transactionWithResult(true,
                txn -> List.copyOf(node.db().getMessagesToRequest(txn, contact, 10)));
        assertThat(toRequest).as("we have them").isEmpty();
    }

    /** Messages of the test's group as the contact would send them. */
    private List<Message> theirMessages(int count) {
        return theirMessages(count, 64);
    }

    private List<Message> theirMessages(int count, int bodyLength) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] body = new byte[bodyLength];
            new SecureRandom().nextBytes(body);
            messages.add(node.get(MessageFactory.class).createMessage(group.getId(),
                    node.get(Clock.class).currentTimeMillis(), body));
        }
        return messages;
    }

    private List<MessageId> acksOwedInDatabase() throws Exception {
        return node.db().transactionWithResult(true,
                txn -> List.copyOf(node.db().getMessagesToAck(txn, contact, 100)));
    }

    /** The IDs of the ACK records a running session wrote, once there are {@code count} of them (10 s at most). */
    private List<MessageId> awaitAcks(PlainStream stream, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            List<MessageId> ids = new ArrayList<>();
            try {
                for (SyncRecord r : read(stream)) {
                    if (r instanceof Ack ack) ids.addAll(ack.messageIds());
                }
            } catch (IOException e) {
                // A record half written: read again.
            }
            if (ids.size() >= count) return ids;
            Thread.sleep(20);
        }
        throw new AssertionError("Fewer than " + count + " acks were written");
    }
}
