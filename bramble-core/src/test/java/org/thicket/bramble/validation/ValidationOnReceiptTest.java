package org.thicket.bramble.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thicket.bramble.sync.api.MessageState.DELIVERED;
import static org.thicket.bramble.sync.api.MessageState.INVALID;
import static org.thicket.bramble.sync.api.MessageState.PENDING;
import static org.thicket.bramble.sync.api.MessageState.UNKNOWN;
import static org.thicket.bramble.validation.TestClient.body;

import com.google.inject.Guice;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.data.DataModule;
import org.thicket.bramble.data.api.BdfCodec;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.sync.api.SyncRecordWriter;
import org.thicket.bramble.sync.api.SyncRecordWriterFactory;
import org.thicket.bramble.sync.api.SyncSessionFactory;
import org.thicket.bramble.validation.api.MessageStateChangedEvent;

/**
 * Messages that arrive through an incoming session are validated and delivered in the transaction that stores
 * them, on the session's thread; what that transaction cannot finish is left to the validation executor.
 */
class ValidationOnReceiptTest {

    private static final BdfCodec CODEC = Guice.createInjector(new DataModule()).getInstance(BdfCodec.class);

    @TempDir
    Path dir;

    private final TestClient client = new TestClient(CODEC);
    private ValidationNode node;
    private ValidationNode.World world;

    @BeforeEach
    void startNode() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        node = new ValidationNode(dir, key, 2, client.module());
        world = node.populate();
        node.start();
    }

    @AfterEach
    void closeNode() throws Exception {
        node.close();
    }

    private Message message(String text, MessageId... dependencies) {
        return node.message(world.group(), body(text, dependencies));
    }

    /** Runs an incoming session from Alice over these messages, on this thread, to the end of its input. */
    private void receiveThroughSession(Message... messages) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SyncRecordWriter writer = node.injector.getInstance(SyncRecordWriterFactory.class).createRecordWriter(out);
        for (Message m : messages) writer.writeMessage(m);
        writer.flush();
        node.injector.getInstance(SyncSessionFactory.class)
                .createIncomingSession(world.alice(), new ByteArrayInputStream(out.toByteArray()), null).run();
    }

    private void assertStates(MessageState state, Message... messages) throws Exception {
        for (Message m : messages) assertThat(node.state(m)).as(m.toString()).isEqualTo(state);
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
