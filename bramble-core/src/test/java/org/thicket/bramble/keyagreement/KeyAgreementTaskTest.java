package org.thicket.bramble.keyagreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Module;
import com.google.inject.multibindings.OptionalBinder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.contact.api.Contact;
import org.thicket.bramble.contact.api.ContactManager;
import org.thicket.bramble.crypto.api.CryptoComponent;
import org.thicket.bramble.crypto.api.KeyPair;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.keyagreement.api.InvalidPayloadException;
import org.thicket.bramble.keyagreement.api.KeyAgreementConfig;
import org.thicket.bramble.keyagreement.api.KeyAgreementDescriptor;
import org.thicket.bramble.keyagreement.api.KeyAgreementException;
import org.thicket.bramble.keyagreement.api.KeyAgreementException.Reason;
import org.thicket.bramble.keyagreement.api.KeyAgreementFailedEvent;
import org.thicket.bramble.keyagreement.api.KeyAgreementFinishedEvent;
import org.thicket.bramble.keyagreement.api.KeyAgreementResult;
import org.thicket.bramble.keyagreement.api.KeyAgreementStartedEvent;
import org.thicket.bramble.keyagreement.api.KeyAgreementTask;
import org.thicket.bramble.keyagreement.api.KeyAgreementTaskFactory;
import org.thicket.bramble.keyagreement.api.KeyAgreementWaitingEvent;
import org.thicket.bramble.keyagreement.api.Payload;
import org.thicket.bramble.keyagreement.api.PayloadCodec;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.test.CoreNode;
import org.thicket.bramble.test.MemoryConnection;
import org.thicket.bramble.util.Bytes;

/**
 * Key agreement between real cores over an in-memory LAN: two honest tasks agree; against a scripted peer that
 * cheats or stalls, the honest task fails with the right reason, closes the connection and stores nothing.
 */
class KeyAgreementTaskTest {

    /** For the tests of the timeout. */
    private static final long TIMEOUT_MS = 300;
    /** For the others: long enough that a loaded machine never times out a test meant to fail otherwise. */
    private static final long SLOW_TIMEOUT_MS = CoreNode.TIMEOUT_SECONDS * 1000 / 2;
    private static final int MAX_KEY_PAIRS = 64;

    @TempDir
    Path aliceDir;
    @TempDir
    Path bobDir;

    private final MemoryKeyAgreementNetwork network = new MemoryKeyAgreementNetwork();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    private CoreNode node(Path dir, String name, int parity) {
        return node(dir, name, parity, SLOW_TIMEOUT_MS);
    }

    private CoreNode node(Path dir, String name, int parity, long timeoutMs) {
        Module timeout = binder -> OptionalBinder.newOptionalBinder(binder, KeyAgreementConfig.class)
                .setBinding().toInstance(new KeyAgreementConfig(timeoutMs));
        CoreNode node = CoreNode.create(dir, name, parity, network.module(), timeout);
        open.add(node);
        return node;
    }

    @Test
    void twoHonestTasksAgreeOnTheMasterKeyWithOppositeRoles() throws Exception {
        CoreNode first = node(aliceDir, "Alice", 0);
        CoreNode second = node(bobDir, "Bob", 1);
        List<Event> firstEvents = new CopyOnWriteArrayList<>();
        CountDownLatch finished = new CountDownLatch(1);
        first.get(EventBus.class).addListener(e -> {
            firstEvents.add(e);
            if (e instanceof KeyAgreementFinishedEvent) finished.countDown();
        });
        KeyAgreementTask a = task(first);
        KeyAgreementTask b = task(second);
        byte[] codeA = a.listen();
        byte[] codeB = b.listen();

        CompletableFuture<KeyAgreementResult> resultA = connectAsync(a, parse(first, codeB));
        KeyAgreementResult resultB = b.connect(parse(second, codeA));
        KeyAgreementResult ra = resultA.get(CoreNode.TIMEOUT_SECONDS, TimeUnit.SECONDS);

        assertThat(ra.alice()).isNotEqualTo(resultB.alice());
        assertThat(ra.masterKey().getBytes()).isEqualTo(resultB.masterKey().getBytes());
        assertThat(ra.transportId()).isEqualTo(MemoryKeyAgreementNetwork.TRANSPORT);
        assertThat(finished.await(CoreNode.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(firstEvents).filteredOn(e -> e.getClass().getPackageName().endsWith("keyagreement.api"))
                .extracting(e -> (Object) e.getClass())
                .containsExactly(KeyAgreementWaitingEvent.class, KeyAgreementStartedEvent.class,
                        KeyAgreementFinishedEvent.class);
        // The connection carries on: what one side writes, the other reads.
        ra.connection().getWriter().getOutputStream().write(42);
        assertThat(resultB.connection().getReader().getInputStream().read()).isEqualTo(42);
    }

    @Test
    void aGarbledScanIsRefusedAndTheTaskGoesOnWithARescan() throws Exception {
        CoreNode first = node(aliceDir, "Alice", 0);
        CoreNode second = node(bobDir, "Bob", 1);
        KeyAgreementTask a = task(first);
        KeyAgreementTask b = task(second);
        byte[] codeA = a.listen();
        byte[] codeB = b.listen();
        byte[] misread = Arrays.copyOf(codeB, codeB.length - 1);

        assertThatThrownBy(() -> parse(first, misread)).isInstanceOfSatisfying(InvalidPayloadException.class,
                e -> assertThat(e.getReason()).isEqualTo(InvalidPayloadException.Reason.GARBLED));
        assertThat(contacts(first)).isEmpty();

        CompletableFuture<KeyAgreementResult> resultA = connectAsync(a, parse(first, codeB));
        KeyAgreementResult resultB = b.connect(parse(second, codeA));
        assertThat(resultA.get(CoreNode.TIMEOUT_SECONDS, TimeUnit.SECONDS).masterKey().getBytes())
                .isEqualTo(resultB.masterKey().getBytes());
    }

    @Test
    void aKeyThatDoesNotMatchTheCommitmentIsAbortedAndStoresNothing() throws Exception {
        CoreNode honest = node(aliceDir, "Alice", 0);
        Rogue rogue = new Rogue(honest);
        CompletableFuture<KeyAgreementResult> result = rogue.start();
        rogue.readRecord(0, 32);
        byte[] otherKey = honest.get(CryptoComponent.class).generateAgreementKeyPair().publicKey().getEncoded();
        rogue.writeRecord(0, otherKey);

        assertFailure(result, Reason.COMMITMENT_MISMATCH);
        assertThat(rogue.readRecord(2, 0)).isEmpty();
        rogue.assertClosedAndNoContact();
    }

    @Test
    void aWrongConfirmationMacIsAbortedAndStoresNothing() throws Exception {
        CoreNode honest = node(aliceDir, "Alice", 0);
        Rogue rogue = new Rogue(honest);
        CompletableFuture<KeyAgreementResult> result = rogue.start();
        rogue.readRecord(0, 32);
        rogue.writeRecord(0, rogue.keyPair.publicKey().getEncoded());
        rogue.readRecord(1, 32);
        rogue.writeRecord(1, new byte[32]);

        assertFailure(result, Reason.BAD_CONFIRMATION);
        assertThat(rogue.readRecord(2, 0)).isEmpty();
        rogue.assertClosedAndNoContact();
    }

    @Test
    void anAbortFromThePeerEndsKeyAgreement() throws Exception {
        CoreNode honest = node(aliceDir, "Alice", 0);
        Rogue rogue = new Rogue(honest);
        CompletableFuture<KeyAgreementResult> result = rogue.start();
        rogue.readRecord(0, 32);
        rogue.writeRecord(2, new byte[0]);

        assertFailure(result, Reason.ABORTED);
        rogue.assertClosedAndNoContact();
    }

    @Test
    void aRecordOfAnotherVersionIsAProtocolError() throws Exception {
        CoreNode honest = node(aliceDir, "Alice", 0);
        Rogue rogue = new Rogue(honest);
        CompletableFuture<KeyAgreementResult> result = rogue.start();
        rogue.readRecord(0, 32);
        rogue.out.write(new byte[] {3, 0, 0, 0});
        rogue.out.flush();

        assertFailure(result, Reason.PROTOCOL_ERROR);
        rogue.assertClosedAndNoContact();
    }

    @Test
    void bobTakesTheConnectionAliceSpeaksOnAndClosesTheOthers() throws Exception {
        CoreNode honest = node(aliceDir, "Bob", 0);
        Rogue alice = new Rogue(honest, true);
        CompletableFuture<KeyAgreementResult> result = connectAsync(alice.task, alice.payload);
        // The honest Bob connects to both our ports; we speak on the second only.
        MemoryConnection first = (MemoryConnection) alice.listeners.get(0).accept();
        MemoryConnection second = (MemoryConnection) alice.listeners.get(1).accept();
        OutputStream out = second.getWriter().getOutputStream();
        out.write(new byte[] {4, 0, 0, 32});
        out.write(alice.keyPair.publicKey().getEncoded());
        out.flush();

        InputStream in = second.getReader().getInputStream();
        assertThat(in.readNBytes(4)).containsExactly(4, 0, 0, 32);
        assertThat(in.readNBytes(32)).hasSize(32);
        assertThat(first.getReader().getInputStream().read()).as("the other connection is closed").isEqualTo(-1);
        out.write(new byte[] {4, 2, 0, 0});
        out.flush();
        assertFailure(result, Reason.ABORTED);
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void aPeerThatNeverConnectsTimesOut() throws Exception {
        CoreNode honest = node(aliceDir, "Alice", 0, TIMEOUT_MS);
        Rogue rogue = new Rogue(honest);
        CompletableFuture<KeyAgreementResult> result = connectAsync(rogue.task, rogue.payload);

        assertFailure(result, Reason.TIMEOUT);
        assertThat(network.connect(rogue.honestPayload.getDescriptors().get(0).descriptor()))
                .as("the listener is closed").isNull();
    }

    @Test
    void aPeerThatStallsAfterConnectingTimesOutAndTheConnectionIsClosed() throws Exception {
        CoreNode honest = node(aliceDir, "Alice", 0, TIMEOUT_MS);
        Rogue rogue = new Rogue(honest);
        CompletableFuture<KeyAgreementResult> result = rogue.start();
        rogue.readRecord(0, 32);

        assertFailure(result, Reason.TIMEOUT);
        rogue.assertClosedAndNoContact();
    }

    @Test
    void cancellingWhileWaitingFailsTheTask() throws Exception {
        CoreNode honest = node(aliceDir, "Alice", 0);
        CountDownLatch waiting = new CountDownLatch(1);
        honest.get(EventBus.class).addListener(e -> {
            if (e instanceof KeyAgreementWaitingEvent) waiting.countDown();
        });
        Rogue rogue = new Rogue(honest);
        CompletableFuture<KeyAgreementResult> result = connectAsync(rogue.task, rogue.payload);
        assertThat(waiting.await(CoreNode.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();

        rogue.task.cancel();

        assertFailure(result, Reason.CANCELLED);
    }

    @Test
    void ourOwnCodeIsRefused() throws Exception {
        CoreNode honest = node(aliceDir, "Alice", 0);
        KeyAgreementTask task = task(honest);
        byte[] code = task.listen();

        assertThatThrownBy(() -> task.connect(parse(honest, code))).isInstanceOfSatisfying(
                KeyAgreementException.class, e -> assertThat(e.getReason()).isEqualTo(Reason.OWN_PAYLOAD));
    }

    @Test
    void failuresArePublished() throws Exception {
        CoreNode honest = node(aliceDir, "Alice", 0);
        CountDownLatch failed = new CountDownLatch(1);
        List<Reason> reasons = new CopyOnWriteArrayList<>();
        honest.get(EventBus.class).addListener(e -> {
            if (e instanceof KeyAgreementFailedEvent f) {
                reasons.add(f.reason());
                failed.countDown();
            }
        });
        Rogue rogue = new Rogue(honest);
        CompletableFuture<KeyAgreementResult> result = rogue.start();
        rogue.readRecord(0, 32);
        rogue.writeRecord(2, new byte[0]);
        assertFailure(result, Reason.ABORTED);

        assertThat(failed.await(CoreNode.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(reasons).containsExactly(Reason.ABORTED);
    }

    private static Collection<Contact> contacts(CoreNode node) throws DbException {
        return node.db().transactionWithResult(true, txn -> node.get(ContactManager.class).getContacts(txn));
    }

    static KeyAgreementTask task(CoreNode node) {
        return node.get(KeyAgreementTaskFactory.class).createTask();
    }

    static Payload parse(CoreNode node, byte[] code) throws IOException {
        return node.get(PayloadCodec.class).parse(code);
    }

    static CompletableFuture<KeyAgreementResult> connectAsync(KeyAgreementTask task, Payload remote) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return task.connect(remote);
            } catch (KeyAgreementException e) {
                throw new CompletionException(e);
            }
        });
    }

    private static void assertFailure(CompletableFuture<KeyAgreementResult> result, Reason reason) {
        assertThatThrownBy(() -> result.get(CoreNode.TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .isInstanceOfSatisfying(ExecutionException.class, e -> assertThat(e.getCause())
                        .isInstanceOfSatisfying(KeyAgreementException.class,
                                k -> assertThat(k.getReason()).isEqualTo(reason)));
    }

    /**
     * A scripted peer that plays Bob (or Alice) against an honest task: it picks a key pair whose commitment is
     * larger (or smaller) than the honest one, and writes whatever records a test tells it to. As Alice it listens
     * on two ports of the network; as Bob it connects to the honest listener.
     */
    private final class Rogue {

        final CoreNode honest;
        final KeyAgreementTask task;
        final Payload honestPayload;
        final KeyPair keyPair;
        final List<MemoryKeyAgreementNetwork.Listener> listeners;
        final Payload payload;
        MemoryConnection connection;
        InputStream in;
        OutputStream out;

        Rogue(CoreNode honest) throws IOException {
            this(honest, false);
        }

        Rogue(CoreNode honest, boolean alice) throws IOException {
            this.honest = honest;
            // An honest commitment in the lower (upper) half leaves room above (below) it for ours.
            KeyAgreementTask t = null;
            Payload p = null;
            for (int i = 0; i < MAX_KEY_PAIRS && p == null; i++) {
                t = task(honest);
                Payload candidate = parse(honest, t.listen());
                if ((candidate.getCommitment()[0] & 0xFF) >= 0x80 == alice) p = candidate;
                else t.cancel();
            }
            assertThat(p).as("an honest commitment in the right half").isNotNull();
            task = t;
            honestPayload = p;
            KeyAgreementCrypto crypto = new KeyAgreementCrypto(honest.get(CryptoComponent.class));
            KeyPair candidate = null;
            for (int i = 0; i < MAX_KEY_PAIRS && candidate == null; i++) {
                KeyPair k = honest.get(CryptoComponent.class).generateAgreementKeyPair();
                byte[] c = crypto.commitment(k.publicKey());
                if (Bytes.compareUnsigned(c, honestPayload.getCommitment()) < 0 == alice) candidate = k;
            }
            assertThat(candidate).as("a key pair for our role").isNotNull();
            keyPair = candidate;
            // As Bob we name a dead port, so the honest Alice's own attempt to connect to us fails and she takes
            // the connection we make.
            listeners = alice ? List.of(network.listen(), network.listen()) : List.of();
            List<KeyAgreementDescriptor> descriptors = new ArrayList<>();
            for (MemoryKeyAgreementNetwork.Listener l : listeners) {
                descriptors.add(new KeyAgreementDescriptor(MemoryKeyAgreementNetwork.TRANSPORT, l.getDescriptor()));
            }
            if (!alice) {
                descriptors.add(new KeyAgreementDescriptor(MemoryKeyAgreementNetwork.TRANSPORT,
                        network.deadDescriptor()));
            }
            payload = new Payload(crypto.commitment(keyPair.publicKey()), descriptors);
        }

        /** Lets the honest task scan our code, and connects to it as Bob does. */
        CompletableFuture<KeyAgreementResult> start() throws IOException {
            CompletableFuture<KeyAgreementResult> result = connectAsync(task, payload);
            DuplexTransportConnection c = network.connect(honestPayload.getDescriptors().get(0).descriptor());
            assertThat(c).isNotNull();
            connection = (MemoryConnection) c;
            in = connection.getReader().getInputStream();
            out = connection.getWriter().getOutputStream();
            return result;
        }

        byte[] readRecord(int type, int length) throws IOException {
            byte[] header = in.readNBytes(4);
            assertThat(header).containsExactly(4, type, 0, length);
            byte[] payload = in.readNBytes(length);
            assertThat(payload).hasSize(length);
            return payload;
        }

        void writeRecord(int type, byte[] payload) throws IOException {
            out.write(new byte[] {4, (byte) type, 0, (byte) payload.length});
            out.write(payload);
            out.flush();
        }

        /** The honest side hung up (we read the end of stream) and has no contact. */
        void assertClosedAndNoContact() throws Exception {
            assertThat(in.read()).isEqualTo(-1);
            assertThat(contacts(honest)).isEmpty();
        }
    }
}
