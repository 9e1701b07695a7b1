package org.thicket.bramble.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thicket.bramble.sync.api.MessageState.DELIVERED;
import static org.thicket.bramble.sync.api.MessageState.INVALID;
import static org.thicket.bramble.sync.api.MessageState.PENDING;
import static org.thicket.bramble.sync.api.MessageState.UNKNOWN;
import static org.thicket.bramble.validation.TestClient.body;

import com.google.inject.Guice;
import com.google.inject.Module;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.data.DataModule;
import org.thicket.bramble.data.api.BdfCodec;
import org.thicket.bramble.data.api.BdfDictionary;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.event.EventModule;
import org.thicket.bramble.sync.api.ClientId;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageFactory;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageSharedEvent;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.sync.api.Metadata;
import org.thicket.bramble.sync.api.SyncRecordWriter;
import org.thicket.bramble.sync.api.SyncRecordWriterFactory;
import org.thicket.bramble.sync.api.SyncSessionFactory;
import org.thicket.bramble.validation.api.ClientMajorVersion;
import org.thicket.bramble.validation.api.DeliveryAction;
import org.thicket.bramble.validation.api.MessageStateChangedEvent;

/**
 * The validation service over a real database: received messages go through validation and delivery on the
 * validation executor, with their dependencies, the hooks' decisions and restarts; those an incoming session stores
 * are taken up in its own transaction, and what that cannot finish is left to the executor.
 */
class ValidationManagerImplTest {

    private static final BdfCodec CODEC = Guice.createInjector(new DataModule()).getInstance(BdfCodec.class);
    private static final long LATENCY = 30_000;

    @TempDir
    Path dir;

    private final byte[] key = new byte[32];
    private TestClient client = new TestClient(CODEC);
    private ValidationNode node;
    private ValidationNode.World world;

    @BeforeEach
    void startNode() throws Exception {
        new SecureRandom().nextBytes(key);
        node = new ValidationNode(dir, key, 2, client.module());
        world = node.populate();
        node.start();
    }

    @AfterEach
    void closeNode() throws Exception {
        node.close();
    }

    /** A new run of the app over the same database, with these clients registered. */
    private void restart(Module... clients) throws Exception {
        node.close();
        node = new ValidationNode(dir, key, 2, clients);
        node.start();
    }

    private Message message(String text, MessageId... dependencies) {
        return node.message(world.group(), body(text, dependencies));
    }

    /** A message the test client's validator rejects: its first element is no string. */
    private Message malformed(MessageId... dependencies) {
        BdfList body = BdfList.of(42);
        for (MessageId d : dependencies) body.add(d.getBytes());
        return node.message(world.group(), body);
    }

    private void receive(Message... messages) throws Exception {
        node.receive(world.alice(), messages);
        node.awaitQuiet();
    }

    private void assertStates(MessageState state, Message... messages) throws Exception {
        for (Message m : messages) assertThat(node.state(m)).as(m.toString()).isEqualTo(state);
    }

    /**
     * Stops the service on another thread while the gate holds a delivery, then releases it: stopping waits for
     * the task in progress and succeeds.
     */
    private void stopWhileHeld(TestClient.Gate gate) throws Exception {
        AtomicReference<Exception> stopFailure = new AtomicReference<>();
        Thread stopper = new Thread(() -> {
            try {
                node.manager.stopService();
            } catch (Exception e) {
                stopFailure.set(e);
            }
        }, "stopper");
        stopper.start();
        try {
            assertThat(node.executor.awaitShutdownStarted(ValidationNode.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(node.executor.isTerminated()).isFalse();
        } finally {
            gate.release().countDown();
            stopper.join(TimeUnit.SECONDS.toMillis(ValidationNode.TIMEOUT_SECONDS));
        }
        assertThat(stopper.isAlive()).isFalse();
        assertThat(stopFailure.get()).isNull();
        assertThat(node.executor.isTerminated()).isTrue();
    }

    private static List<MessageId> ids(Message... messages) {
        return List.of(messages).stream().map(Message::getId).toList();
    }

    @Test
    void aValidMessageIsDeliveredOnceWithItsMetadataOffTheEventThread() throws Exception {
        Message m = message("hello");
        receive(m);

        assertStates(DELIVERED, m);
        assertThat(client.offered()).containsExactly(m.getId());
        assertThat(client.offeredMetadata(m.getId())).isEqualTo(client.metadata("hello"));
        assertThat(node.metadata(m)).isEqualTo(client.metadata("hello"));
        assertThat(client.threads()).isNotEmpty().allMatch(name -> name.startsWith(TrackingExecutor.THREAD_PREFIX))
                .doesNotContain(EventModule.EVENT_THREAD_NAME);
        assertThat(node.events(MessageStateChangedEvent.class)).containsExactly(
                new MessageStateChangedEvent(m.getId(), false, PENDING),
                new MessageStateChangedEvent(m.getId(), false, DELIVERED));

        // The same message from another contact is not new, and a restart finds nothing left to do.
        boolean isNew = node.db.transactionWithResult(false, txn -> node.db.receiveMessage(txn, world.bob(), m));
        assertThat(isNew).isFalse();
        node.awaitQuiet();
        restart(client.module());
        assertThat(client.offered()).containsExactly(m.getId());
    }

    @Test
    void acceptShareSharesTheMessageOnwardsAndAcceptDoNotShareDoesNot() throws Exception {
        Message shared = message("shared");
        Message kept = message("kept");
        client.setAction(kept.getId(), DeliveryAction.ACCEPT_DO_NOT_SHARE);
        receive(shared, kept);

        assertStates(DELIVERED, shared, kept);
        Collection<MessageId> toBob = node.db.transactionWithResult(false,
                txn -> node.db.getMessagesToOffer(txn, world.bob(), 10, LATENCY));
        assertThat(toBob).containsExactly(shared.getId());
        assertThat(node.events(MessageSharedEvent.class)).containsExactly(new MessageSharedEvent(shared.getId()));
    }

    @Test
    void anInvalidMessageIsMarkedInvalidAndItsContentDeleted() throws Exception {
        Message wrongType = malformed();
        Message notBdf = node.injector.getInstance(MessageFactory.class).createMessage(world.group().getId(), 1L,
                new byte[] {(byte) 0xff, 0x01});
        receive(wrongType, notBdf);

        assertStates(INVALID, wrongType, notBdf);
        assertThat(node.raw(wrongType)).isNull();
        assertThat(node.raw(notBdf)).isNull();
        assertThat(node.metadata(wrongType)).isEqualTo(Metadata.EMPTY);
        assertThat(client.offered()).isEmpty();
        assertThat(node.events(MessageStateChangedEvent.class)).containsExactlyInAnyOrder(
                new MessageStateChangedEvent(wrongType.getId(), false, INVALID),
                new MessageStateChangedEvent(notBdf.getId(), false, INVALID));
    }

    @Test
    void aChainArrivingBackwardsIsDeliveredFromItsRoot() throws Exception {
        Message a = message("A");
        Message b = message("B", a.getId());
        Message c = message("C", b.getId());

        receive(c);
        assertStates(PENDING, c);
        receive(b);
        assertStates(PENDING, b, c);
        assertThat(client.offered()).isEmpty();
        receive(a);

        assertStates(DELIVERED, a, b, c);
        assertThat(client.offered()).containsExactlyElementsOf(ids(a, b, c));
    }

    @Test
    void aLongChainReceivedAtOnceIsDeliveredInDependencyOrderHoweverTheThreadsInterleave() throws Exception {
        List<Message> chain = new ArrayList<>();
        chain.add(message("0"));
        for (int i = 1; i < 20; i++) chain.add(message(String.valueOf(i), chain.get(i - 1).getId()));
        List<Message> backwards = new ArrayList<>(chain);
        Collections.reverse(backwards);

        receive(backwards.toArray(Message[]::new));

        assertStates(DELIVERED, chain.toArray(Message[]::new));
        assertThat(client.offered()).containsExactlyElementsOf(ids(chain.toArray(Message[]::new)));
    }

    @Test
    void anInvalidDependencyInvalidatesItsDependentsWhicheverArrivesFirst() throws Exception {
        Message a = malformed();
        Message b = message("B", a.getId());
        Message c = message("C", b.getId());
        receive(c, b);
        assertStates(PENDING, b, c);

        receive(a);
        assertStates(INVALID, a, b, c);
        assertThat(node.raw(b)).isNull();
        assertThat(node.raw(c)).isNull();
        assertThat(node.metadata(b)).isEqualTo(Metadata.EMPTY);

        Message late = message("late", a.getId());
        receive(late);
        assertStates(INVALID, late);
        assertThat(node.raw(late)).isNull();
        assertThat(client.offered()).isEmpty();
    }

    @Test
    void rejectInvalidatesTheMessageAndEveryDependentOnce() throws Exception {
        // a <- b, a <- c, and d depends on both b and c: d is reached twice but invalidated once.
        Message a = message("A");
        Message b = message("B", a.getId());
        Message c = message("C", a.getId());
        Message d = message("D", b.getId(), c.getId());
        client.setAction(a.getId(), DeliveryAction.REJECT);
        receive(d, c, b);
        receive(a);

        assertStates(INVALID, a, b, c, d);
        for (Message m : List.of(a, b, c, d)) {
            assertThat(node.raw(m)).isNull();
            assertThat(node.metadata(m)).isEqualTo(Metadata.EMPTY);
        }
        assertThat(client.offered()).containsExactly(a.getId());
        assertThat(node.events(MessageStateChangedEvent.class))
                .filteredOn(e -> e.messageId().equals(d.getId()) && e.state() == INVALID).hasSize(1);
    }

    @Test
    void deferKeepsTheMessagePendingUntilTheNextStart() throws Exception {
        Message a = message("A");
        Message b = message("B", a.getId());
        client.setAction(a.getId(), DeliveryAction.DEFER);
        receive(b, a);

        assertStates(PENDING, a, b);
        assertThat(client.offered()).containsExactly(a.getId());
        assertThat(node.metadata(a)).isEqualTo(client.metadata("A"));

        client = new TestClient(CODEC);
        restart(client.module());
        assertStates(DELIVERED, a, b);
        assertThat(client.offered()).containsExactlyElementsOf(ids(a, b));
    }

    @Test
    void messagesStoredWhileTheServiceWasNotRunningAreValidatedAtTheNextStart() throws Exception {
        node.close();
        node = new ValidationNode(dir, key, 2, client.module());
        Message a = message("A");
        Message b = message("B", a.getId());
        node.receive(world.alice(), b, a);
        node.awaitQuiet();
        assertStates(UNKNOWN, a, b);

        restart(client.module());
        assertStates(DELIVERED, a, b);
        assertThat(client.offered()).containsExactlyElementsOf(ids(a, b));
    }

    @Test
    void withoutAValidatorAMessageStaysUnknownUntilItsClientIsRegistered() throws Exception {
        ClientId unregistered = new ClientId("org.thicket.test.later");
        Group group = node.addGroup(unregistered, world.alice());
        Message m = node.message(group, body("early"));
        receive(m);

        assertStates(UNKNOWN, m);
        assertThat(node.raw(m)).isNotNull();
        assertThat(client.offered()).isEmpty();

        TestClient later = new TestClient(CODEC, new ClientMajorVersion(unregistered, 0));
        restart(client.module(), later.module());
        assertStates(DELIVERED, m);
        assertThat(later.offered()).containsExactly(m.getId());
    }

    @Test
    void withoutAHookAValidMessageWaitsPending() throws Exception {
        ClientId validatorOnly = new ClientId("org.thicket.test.nohook");
        TestClient partial = new TestClient(CODEC, new ClientMajorVersion(validatorOnly, 0));
        restart(client.module(), partial.validatorOnlyModule());
        Group group = node.addGroup(validatorOnly, world.alice());
        Message m = node.message(group, body("waiting"));
        receive(m);

        assertStates(PENDING, m);
        assertThat(node.metadata(m)).isEqualTo(partial.metadata("waiting"));
    }

    @Test
    void ourOwnMessageUnblocksAReceivedDependent() throws Exception {
        Message ours = message("ours");
        Message theirs = message("theirs", ours.getId());
        receive(theirs);
        assertStates(PENDING, theirs);

        node.db.transaction(false, txn -> node.clientHelper.addLocalMessage(txn, ours,
                new BdfDictionary().with("text", "ours"), true, false));
        node.awaitQuiet();

        assertStates(DELIVERED, ours, theirs);
        assertThat(client.offered()).containsExactly(theirs.getId());
    }

    @Test
    void stoppingWaitsForTheDeliveryInProgressAndLeavesQueuedWorkForTheNextStart() throws Exception {
        node.close();
        node = new ValidationNode(dir, key, 1, client.module());
        node.start();
        Message first = message("first");
        Message second = message("second");
        TestClient.Gate gate = new TestClient.Gate(first.getId(), new CountDownLatch(1), new CountDownLatch(1));
        client.holdDelivery(gate);
        node.receive(world.alice(), first, second);
        assertThat(gate.entered().await(ValidationNode.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();

        stopWhileHeld(gate);
        assertStates(DELIVERED, first);
        assertStates(UNKNOWN, second);

        client.holdDelivery(null);
        restart(client.module());
        assertStates(DELIVERED, second);
        assertThat(client.offered()).containsExactlyElementsOf(ids(first, second));
    }

    // ---- Batches: messages queued together are validated and stored together (MAX_BATCH at a time) ----

    /** Stores the messages as received while the service is not running; the next start takes them in a batch. */
    private void receiveWhileStopped(Message... messages) throws Exception {
        node.close();
        node = new ValidationNode(dir, key, 2, client.module());
        node.receive(world.alice(), messages);
        node.awaitQuiet();
        assertStates(UNKNOWN, messages);
    }

    @Test
    void anInvalidMessageInABatchDoesNotHoldUpTheOthers() throws Exception {
        List<Message> valid = new ArrayList<>();
        for (int i = 0; i < 10; i++) valid.add(message("valid " + i));
        Message invalid = malformed();
        List<Message> all = new ArrayList<>(valid);
        all.add(5, invalid);
        receiveWhileStopped(all.toArray(Message[]::new));

        restart(client.module());

        assertStates(DELIVERED, valid.toArray(Message[]::new));
        assertStates(INVALID, invalid);
        assertThat(node.raw(invalid)).isNull();
        assertThat(client.offered()).containsExactlyInAnyOrderElementsOf(ids(valid.toArray(Message[]::new)));
    }

    @Test
    void aHookThrowingOnOneMessageOfABatchHoldsUpOnlyThatMessage() throws Exception {
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) batch.add(message("message " + i));
        Message failing = batch.get(3);
        List<Message> others = new ArrayList<>(batch);
        others.remove(failing);
        receiveWhileStopped(batch.toArray(Message[]::new));

        client.failDelivery(failing.getId());
        restart(client.module());

        assertStates(DELIVERED, others.toArray(Message[]::new));
        assertStates(UNKNOWN, failing); // its transaction rolled back: validated again at the next start
        assertThat(node.events(MessageStateChangedEvent.class))
                .noneMatch(e -> e.messageId().equals(failing.getId()));

        client = new TestClient(CODEC);
        restart(client.module());
        assertStates(DELIVERED, failing);
        assertThat(client.offered()).containsExactly(failing.getId());
    }

    @Test
    void dependenciesWithinABatchAreDeliveredInOrderAndAnInvalidOneFailsItsDependents() throws Exception {
        Message a = message("A");
        Message b = message("B", a.getId());
        Message c = message("C", b.getId());
        Message bad = malformed();
        Message onBad = message("on bad", bad.getId());
        Message onOnBad = message("on on bad", onBad.getId());
        receiveWhileStopped(onOnBad, c, onBad, b, bad, a);

        restart(client.module());

        assertStates(DELIVERED, a, b, c);
        assertStates(INVALID, bad, onBad, onOnBad);
        assertThat(client.offered()).containsExactlyElementsOf(ids(a, b, c));
    }

    @Test
    void stoppingInTheMiddleOfABatchCommitsWhatIsDoneAndLosesNothing() throws Exception {
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < 8; i++) batch.add(message("message " + i));
        receiveWhileStopped(batch.toArray(Message[]::new));
        node.close();
        node = new ValidationNode(dir, key, 1, client.module());
        // Whichever message the batch reaches first is held, in the batch's write transaction.
        TestClient.Gate gate = new TestClient.Gate(null, new CountDownLatch(1), new CountDownLatch(1));
        client.holdDelivery(gate);
        node.manager.startService();
        assertThat(gate.entered().await(ValidationNode.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();

        stopWhileHeld(gate);

        // The held message is delivered; the batch went no further, and the rest wait untouched for the next start.
        assertThat(client.offered()).hasSize(1);
        Message held = batch.stream().filter(m -> m.getId().equals(client.offered().get(0))).findFirst().orElseThrow();
        for (Message m : batch) assertThat(node.state(m)).as(m.toString()).isEqualTo(m == held ? DELIVERED : UNKNOWN);

        client.holdDelivery(null);
        restart(client.module());
        assertStates(DELIVERED, batch.toArray(Message[]::new));
        assertThat(client.offered()).containsExactlyInAnyOrderElementsOf(ids(batch.toArray(Message[]::new)));
    }

    // ---- Messages an incoming session stores: taken up in its transaction (ReceivedMessageHandler) ----

    /** Runs an incoming session from Alice over these messages, on this thread, to the end of its input. */
    private void receiveThroughSession(Message... messages) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SyncRecordWriter writer = node.injector.getInstance(SyncRecordWriterFactory.class).createRecordWriter(out);
        for (Message m : messages) writer.writeMessage(m);
        writer.flush();
        node.injector.getInstance(SyncSessionFactory.class)
                .createIncomingSession(world.alice(), new ByteArrayInputStream(out.toByteArray()), null).run();
    }

    @Test
    void messagesAreDeliveredInTheStoringTransactionAndTheirDependentsAfterIt() throws Exception {
        Message root = message("root");
        Message dependent = message("dependent", root.getId());
        Message malformed = node.message(world.group(), BdfList.of(42));

        receiveThroughSession(dependent, root, malformed);

        // The session's own transaction did this, on this thread; only the dependent waits for the executor.
        assertStates(DELIVERED, root);
        assertStates(INVALID, malformed);
        assertThat(node.raw(malformed)).isNull();
        assertThat(client.threads()).contains(Thread.currentThread().getName());
        assertThat(node.metadata(root)).isEqualTo(client.metadata("root"));

        node.awaitQuiet();
        assertStates(DELIVERED, dependent);
        assertThat(client.offered()).as("each once, the dependent after its root")
                .containsExactly(root.getId(), dependent.getId());
        assertThat(node.events(MessageStateChangedEvent.class)).containsExactly(
                new MessageStateChangedEvent(dependent.getId(), false, PENDING),
                new MessageStateChangedEvent(root.getId(), false, PENDING),
                new MessageStateChangedEvent(root.getId(), false, DELIVERED),
                new MessageStateChangedEvent(malformed.getId(), false, INVALID),
                new MessageStateChangedEvent(dependent.getId(), false, DELIVERED));
    }

    @Test
    void aHookThatThrowsOnReceiptLeavesTheBatchStoredForTheExecutorWhichHoldsUpOnlyThatMessage() throws Exception {
        Message first = message("first");
        Message failing = message("failing");
        Message last = message("last");
        client.failDelivery(failing.getId());

        receiveThroughSession(first, failing, last);

        // The storing transaction rolled back and the batch was stored again, to be validated on the executor.
        Collection<MessageId> acksOwed = node.db.transactionWithResult(true,
                txn -> node.db.getMessagesToAck(txn, world.alice(), 10));
        assertThat(acksOwed).as("all stored, so all acked")
                .containsExactlyInAnyOrder(first.getId(), failing.getId(), last.getId());

        node.awaitQuiet();
        assertStates(DELIVERED, first, last);
        assertStates(UNKNOWN, failing); // validated again at the next start
        assertThat(client.threads()).anyMatch(name -> name.startsWith(TrackingExecutor.THREAD_PREFIX));
        assertThat(node.events(MessageStateChangedEvent.class)).noneMatch(e -> e.messageId().equals(failing.getId()));
    }

    @Test
    void aMessageAlreadyStoredIsNotTakenUpAgain() throws Exception {
        Message m = message("once");
        receiveThroughSession(m);
        receiveThroughSession(m);
        node.awaitQuiet();

        assertStates(DELIVERED, m);
        assertThat(client.offered()).containsExactly(m.getId());
    }

    @Test
    void theHandlerForgetsWhatARolledBackTransactionTookUp() throws Exception {
        Message m = message("rolled back");
        try {
            node.db.transaction(false, txn -> {
                node.db.receiveMessage(txn, world.alice(), m);
                node.manager.handleStored(txn, world.alice(), List.of(m));
                throw new IllegalStateException("a later failure in the same transaction");
            });
        } catch (IllegalStateException expected) {
            node.manager.handlingRolledBack(List.of(m));
        }
        boolean stored = node.db.transactionWithResult(true, txn -> node.db.containsMessage(txn, m.getId()));
        assertThat(stored).isFalse();

        // Stored again without the handler: its event is work for the executor, not a message taken up already.
        node.receive(world.alice(), m);
        node.awaitQuiet();
        assertStates(DELIVERED, m);
    }
}
