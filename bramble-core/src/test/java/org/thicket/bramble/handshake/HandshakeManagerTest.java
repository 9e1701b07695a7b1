package org.thicket.bramble.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thicket.bramble.rendezvous.RendezvousTesting.MAX_LATENCY_MS;
import static org.thicket.bramble.rendezvous.RendezvousTesting.TRANSPORT;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.contact.api.PendingContactId;
import org.thicket.bramble.crypto.api.CryptoComponent;
import org.thicket.bramble.crypto.api.KeyPair;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.handshake.api.HandshakeConstants;
import org.thicket.bramble.handshake.api.HandshakeCrypto;
import org.thicket.bramble.handshake.api.HandshakeManager;
import org.thicket.bramble.handshake.api.HandshakeResult;
import org.thicket.bramble.identity.api.IdentityManager;
import org.thicket.bramble.record.api.Record;
import org.thicket.bramble.record.api.RecordReaderFactory;
import org.thicket.bramble.record.api.RecordWriter;
import org.thicket.bramble.record.api.RecordWriterFactory;
import org.thicket.bramble.rendezvous.RendezvousTesting;
import org.thicket.bramble.rendezvous.api.PendingContactManager;
import org.thicket.bramble.stream.api.StreamReaderFactory;
import org.thicket.bramble.stream.api.StreamWriter;
import org.thicket.bramble.stream.api.StreamWriterFactory;
import org.thicket.bramble.test.CoreNode;
import org.thicket.bramble.test.MemoryConnection;
import org.thicket.bramble.transport.api.KeyManager;
import org.thicket.bramble.util.FormatException;

/** BHP between two nodes with real databases that have added each other's links, over an in-memory connection. */
class HandshakeManagerTest {

    private static final long TIMEOUT_SECONDS = CoreNode.TIMEOUT_SECONDS;

    @TempDir
    Path directory;

    private CoreNode a;
    private CoreNode b;
    private PendingContactId bAtA;
    private PendingContactId aAtB;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final MemoryConnection[] pair = MemoryConnection.pair(MAX_LATENCY_MS, MAX_LATENCY_MS);

    @BeforeEach
    void addEachOther() throws Exception {
        a = CoreNode.create(directory.resolve("a"), "Alice", 0, RendezvousTesting.transportKeys());
        b = CoreNode.create(directory.resolve("b"), "Bob", 1, RendezvousTesting.transportKeys());
        PendingContactId[] ids = RendezvousTesting.addEachOther(a, b);
        bAtA = ids[0];
        aAtB = ids[1];
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        scheduler.shutdownNow();
        if (a != null) a.close();
        if (b != null) b.close();
    }

    @Test
    void bothSidesAgreeOnTheMasterKeyAndOppositeRoles() throws Exception {
        Future<HandshakeResult> atA = threads.submit(() -> a.get(HandshakeManager.class).handshake(bAtA, TRANSPORT,
                pair[0]));
        Future<HandshakeResult> atB = threads.submit(() -> b.get(HandshakeManager.class).handshake(aAtB, TRANSPORT,
                pair[1]));
        HandshakeResult resultA = atA.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        HandshakeResult resultB = atB.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        assertThat(resultA.masterKey().getBytes()).isEqualTo(resultB.masterKey().getBytes());
        assertThat(resultA.alice()).isNotEqualTo(resultB.alice());
        assertThat(pair[0].isClosed()).as("left open for contact exchange").isFalse();
        assertThat(pair[1].isClosed()).isFalse();
    }

    @Test
    void aBadProofFailsTheHonestSideAndClosesItsConnection() throws Exception {
        HandshakeManager lying = manager(b, new LyingCrypto(b.get(HandshakeCrypto.class)));
        Future<HandshakeResult> atA = threads.submit(() -> a.get(HandshakeManager.class).handshake(bAtA, TRANSPORT,
                pair[0]));
        Future<HandshakeResult> atB = threads.submit(() -> lying.handshake(aAtB, TRANSPORT, pair[1]));

        assertThatThrownBy(() -> atA.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(FormatException.class).hasMessageContaining("proof of ownership");
        assertThat(pair[0].closedWithException()).isTrue();
        assertThatThrownBy(() -> atB.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
    }

    @Test
    void aPeerThatSendsNothingTimesOutAndTheConnectionIsClosed() {
        HandshakeManager impatient = manager(a, a.get(HandshakeCrypto.class), 200);

        assertThatThrownBy(() -> impatient.handshake(bAtA, TRANSPORT, pair[0])).isInstanceOf(IOException.class)
                .hasMessage("Handshake timed out");
        assertThat(pair[0].closedWithException()).isTrue();
    }

    @Test
    void aPeerWithoutAMinorVersionSpeaksTheOldProtocolAndIsRefused() throws Exception {
        Future<HandshakeResult> atA = threads.submit(() -> a.get(HandshakeManager.class).handshake(bAtA, TRANSPORT,
                pair[0]));
        writeOpening(b, aAtB, pair[1], false);

        assertThatThrownBy(() -> atA.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(FormatException.class).hasMessageContaining("0.0");
        assertThat(pair[0].closedWithException()).isTrue();
    }

    @Test
    void aStreamFromSomeoneElseIsRefused() throws Exception {
        // Carol has A's link, but A has not added hers: her stream's tag is none A expects.
        CoreNode carol = CoreNode.create(directory.resolve("c"), "Carol", 1, RendezvousTesting.transportKeys());
        try {
            PendingContactId aAtCarol = carol.get(PendingContactManager.class)
                    .addPendingContact(a.get(PendingContactManager.class).getHandshakeLink(), "Alice").id();
            Future<HandshakeResult> atA = threads.submit(() -> a.get(HandshakeManager.class).handshake(bAtA,
                    TRANSPORT, pair[0]));
            try {
                writeOpening(carol, aAtCarol, pair[1], true);
            } catch (IOException e) {
                // A may drop the connection as soon as it has read the tag, before the rest is written.
            }

            assertThatThrownBy(() -> atA.get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(FormatException.class)
                    .hasMessageContaining("not a handshake stream from this pending contact");
            assertThat(pair[0].closedWithException()).isTrue();
        } finally {
            carol.close();
        }
    }

    @Test
    void aPeerSendingEndlessUnknownRecordsIsRefused() throws Exception {
        Future<HandshakeResult> atA = threads.submit(() -> a.get(HandshakeManager.class).handshake(bAtA, TRANSPORT,
                pair[0]));
        StreamWriter stream = b.get(StreamWriterFactory.class).createStreamWriter(
                pair[1].getWriter().getOutputStream(), b.get(KeyManager.class).getStreamContext(aAtB, TRANSPORT));
        RecordWriter records = b.get(RecordWriterFactory.class).createRecordWriter(stream.getOutputStream());
        try {
            for (int i = 0; i <= HandshakeManagerImpl.MAX_SKIPPED_RECORDS; i++) {
                records.writeRecord(new Record(HandshakeConstants.PROTOCOL_MAJOR_VERSION, 3, new byte[0]));
            }
            records.flush();
            stream.sendEndOfStream();
        } catch (IOException e) {
            // A drops the connection as soon as it has read one record too many, perhaps before the end is written.
        }

        assertThatThrownBy(() -> atA.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(FormatException.class).hasMessageContaining("Unexpected");
        assertThat(pair[0].closedWithException()).isTrue();
    }

    /** Writes a whole handshake stream of the node's keys with just an opening: a fresh key, with or without 0.1. */
    private static void writeOpening(CoreNode node, PendingContactId p, MemoryConnection connection,
            boolean withMinorVersion) throws Exception {
        StreamWriter stream = node.get(StreamWriterFactory.class).createStreamWriter(
                connection.getWriter().getOutputStream(), node.get(KeyManager.class).getStreamContext(p, TRANSPORT));
        RecordWriter records = node.get(RecordWriterFactory.class).createRecordWriter(stream.getOutputStream());
        if (withMinorVersion) {
            records.writeRecord(new Record(HandshakeConstants.PROTOCOL_MAJOR_VERSION,
                    HandshakeConstants.RECORD_TYPE_MINOR_VERSION, new byte[] {1}));
        }
        records.writeRecord(new Record(HandshakeConstants.PROTOCOL_MAJOR_VERSION,
                HandshakeConstants.RECORD_TYPE_EPHEMERAL_PUBLIC_KEY,
                node.get(CryptoComponent.class).generateAgreementKeyPair().publicKey().getEncoded()));
        records.flush();
        stream.sendEndOfStream();
    }

    private HandshakeManager manager(CoreNode node, HandshakeCrypto crypto) {
        return manager(node, crypto, HandshakeManagerImpl.TIMEOUT_MS);
    }

    private HandshakeManager manager(CoreNode node, HandshakeCrypto crypto, long timeoutMs) {
        return new HandshakeManagerImpl(node.db(), node.get(IdentityManager.class), node.get(KeyManager.class),
                node.get(CryptoComponent.class), crypto, node.get(StreamReaderFactory.class),
                node.get(StreamWriterFactory.class), node.get(RecordReaderFactory.class),
                node.get(RecordWriterFactory.class), scheduler, timeoutMs);
    }

    /** Honest except that the proofs it sends are one bit off. */
    private record LyingCrypto(HandshakeCrypto honest) implements HandshakeCrypto {

        @Override
        public SecretKey deriveMasterKey(PublicKey theirStatic, PublicKey theirEphemeral, KeyPair ourStatic,
                KeyPair ourEphemeral, boolean alice) throws GeneralSecurityException {
            return honest.deriveMasterKey(theirStatic, theirEphemeral, ourStatic, ourEphemeral, alice);
        }

        @Override
        public byte[] proveOwnership(SecretKey masterKey, boolean alice) {
            byte[] proof = honest.proveOwnership(masterKey, alice);
            proof[0] ^= 1;
            return proof;
        }

        @Override
        public boolean verifyOwnership(SecretKey masterKey, boolean alice, byte[] proof) {
            return honest.verifyOwnership(masterKey, alice, proof);
        }
    }
}
