package org.thicket.bramble.handshake;

import static org.thicket.bramble.handshake.api.HandshakeConstants.PROOF_BYTES;
import static org.thicket.bramble.handshake.api.HandshakeConstants.PROTOCOL_MAJOR_VERSION;
import static org.thicket.bramble.handshake.api.HandshakeConstants.PROTOCOL_MINOR_VERSION;
import static org.thicket.bramble.handshake.api.HandshakeConstants.RECORD_TYPE_EPHEMERAL_PUBLIC_KEY;
import static org.thicket.bramble.handshake.api.HandshakeConstants.RECORD_TYPE_MINOR_VERSION;
import static org.thicket.bramble.handshake.api.HandshakeConstants.RECORD_TYPE_PROOF_OF_OWNERSHIP;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.contact.api.NoSuchContactException;
import org.thicket.bramble.contact.api.PendingContact;
import org.thicket.bramble.contact.api.PendingContactId;
import org.thicket.bramble.crypto.api.CryptoComponent;
import org.thicket.bramble.crypto.api.KeyPair;
import org.thicket.bramble.crypto.api.KeyType;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.crypto.api.Roles;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.handshake.api.HandshakeCrypto;
import org.thicket.bramble.handshake.api.HandshakeManager;
import org.thicket.bramble.handshake.api.HandshakeResult;
import org.thicket.bramble.identity.api.IdentityManager;
import org.thicket.bramble.plugin.api.ConnectionWatchdog;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.PluginScheduler;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.record.api.Record;
import org.thicket.bramble.record.api.RecordReader;
import org.thicket.bramble.record.api.RecordReaderFactory;
import org.thicket.bramble.record.api.RecordWriter;
import org.thicket.bramble.record.api.RecordWriterFactory;
import org.thicket.bramble.stream.api.StreamContext;
import org.thicket.bramble.stream.api.StreamReaderFactory;
import org.thicket.bramble.stream.api.StreamWriter;
import org.thicket.bramble.stream.api.StreamWriterFactory;
import org.thicket.bramble.stream.api.TagEncoder;
import org.thicket.bramble.transport.api.KeyManager;
import org.thicket.bramble.util.FormatException;

/** BHP 0.1 over handshake-mode streams keyed by the pending contact's handshake keys. Stateless. */
final class HandshakeManagerImpl implements HandshakeManager {

    private static final Logger LOG = LoggerFactory.getLogger(HandshakeManagerImpl.class);

    /** Unknown records skipped between two expected ones; 0.1 sends none, a later minor version a handful. */
    static final int MAX_SKIPPED_RECORDS = 16;

    /** How long the whole handshake may take before the connection is closed (our choice, specs/bhp.md). */
    static final long TIMEOUT_MS = 60_000;

    private final DatabaseComponent db;
    private final IdentityManager identityManager;
    private final KeyManager keyManager;
    private final CryptoComponent crypto;
    private final HandshakeCrypto handshakeCrypto;
    private final StreamReaderFactory streamReaderFactory;
    private final StreamWriterFactory streamWriterFactory;
    private final RecordReaderFactory recordReaderFactory;
    private final RecordWriterFactory recordWriterFactory;
    private final ScheduledExecutorService scheduler;
    private final long timeoutMs;

    @Inject
    HandshakeManagerImpl(DatabaseComponent db, IdentityManager identityManager, KeyManager keyManager,
            CryptoComponent crypto, HandshakeCrypto handshakeCrypto, StreamReaderFactory streamReaderFactory,
            StreamWriterFactory streamWriterFactory, RecordReaderFactory recordReaderFactory,
            RecordWriterFactory recordWriterFactory, @PluginScheduler ScheduledExecutorService scheduler) {
        this(db, identityManager, keyManager, crypto, handshakeCrypto, streamReaderFactory, streamWriterFactory,
                recordReaderFactory, recordWriterFactory, scheduler, TIMEOUT_MS);
    }

    /** @param timeoutMs how long the handshake may take; tests shorten it */
    HandshakeManagerImpl(DatabaseComponent db, IdentityManager identityManager, KeyManager keyManager,
            CryptoComponent crypto, HandshakeCrypto handshakeCrypto, StreamReaderFactory streamReaderFactory,
            StreamWriterFactory streamWriterFactory, RecordReaderFactory recordReaderFactory,
            RecordWriterFactory recordWriterFactory, ScheduledExecutorService scheduler, long timeoutMs) {
        this.db = db;
        this.identityManager = identityManager;
        this.keyManager = keyManager;
        this.crypto = crypto;
        this.handshakeCrypto = handshakeCrypto;
        this.streamReaderFactory = streamReaderFactory;
        this.streamWriterFactory = streamWriterFactory;
        this.recordReaderFactory = recordReaderFactory;
        this.recordWriterFactory = recordWriterFactory;
        this.scheduler = scheduler;
        this.timeoutMs = timeoutMs;
    }

    @Override
    public HandshakeResult handshake(PendingContactId p, TransportId t, DuplexTransportConnection connection)
            throws IOException, DbException {
        try {
            return ConnectionWatchdog.within(scheduler, timeoutMs, connection, "Handshake",
                    () -> run(p, t, connection));
        } catch (IOException | DbException | RuntimeException e) {
            LOG.info("Handshake with pending contact {} over {} failed: {}", p, t.value(), e.getMessage());
            closeQuietly(connection, e);
            throw e;
        }
    }

    private static void closeQuietly(DuplexTransportConnection connection, Exception cause) {
        try {
            connection.close(true);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    private HandshakeResult run(PendingContactId p, TransportId t, DuplexTransportConnection connection)
            throws IOException, DbException {
        KeyPair ourStatic = db.transactionWithResult(true,
                txn -> identityManager.getIdentity(txn).handshakeKeyPair());
        PublicKey theirStatic = loadPendingContact(p).publicKey();
        boolean alice = Roles.isAlice(ourStatic.publicKey().getEncoded(), theirStatic.getEncoded());
        StreamContext outgoing = keyManager.getStreamContext(p, t);
        if (outgoing == null) throw new IOException("No handshake keys for pending contact " + p + " on " + t.value());
        Session session = new Session(p, t, connection, outgoing);
        KeyPair ourEphemeral = crypto.generateAgreementKeyPair();
        try {
            byte[] theirEphemeral = session.exchangeEphemeralKeys(alice, ourEphemeral);
            SecretKey masterKey = deriveMasterKey(theirStatic, theirEphemeral, ourStatic, ourEphemeral, alice);
            try {
                session.exchangeProofs(alice, masterKey);
                session.endStreams();
            } catch (IOException | RuntimeException e) {
                masterKey.wipe();
                throw e;
            }
            return new HandshakeResult(masterKey, alice);
        } finally {
            ourEphemeral.privateKey().wipe();
        }
    }

    /** Our stream and, once opened, the peer's, on one connection. */
    private final class Session {
        private final PendingContactId pendingContactId;
        private final TransportId transportId;
        private final DuplexTransportConnection connection;
        private final StreamWriter streamWriter;
        private final RecordWriter writer;
        private RecordReader reader;

        Session(PendingContactId p, TransportId t, DuplexTransportConnection connection, StreamContext outgoing)
                throws IOException {
            pendingContactId = p;
            transportId = t;
            this.connection = connection;
            streamWriter = streamWriterFactory.createStreamWriter(connection.getWriter().getOutputStream(), outgoing);
            writer = recordWriterFactory.createRecordWriter(streamWriter.getOutputStream());
        }

        /** Alice speaks first: Bob's stream only starts once he has heard her keys. Returns the peer's key. */
        byte[] exchangeEphemeralKeys(boolean alice, KeyPair ourEphemeral) throws IOException {
            if (alice) sendKeys(ourEphemeral);
            reader = openIncomingStream(pendingContactId, transportId, connection);
            byte[] theirs = receiveKeys(reader);
            if (!alice) sendKeys(ourEphemeral);
            return theirs;
        }

        void exchangeProofs(boolean alice, SecretKey masterKey) throws IOException {
            if (alice) sendProof(masterKey, true);
            receiveProof(masterKey, !alice);
            if (!alice) sendProof(masterKey, false);
        }

        /** Ends our stream, then reads the end of the peer's, before which only unknown records may come. */
        void endStreams() throws IOException {
            writer.flush();
            streamWriter.sendEndOfStream();
            reader.readRecord(r -> false, new UnknownTypes());
        }

        private void sendKeys(KeyPair ourEphemeral) throws IOException {
            writer.writeRecord(new Record(PROTOCOL_MAJOR_VERSION, RECORD_TYPE_MINOR_VERSION,
                    new byte[] {PROTOCOL_MINOR_VERSION}));
            writer.writeRecord(new Record(PROTOCOL_MAJOR_VERSION, RECORD_TYPE_EPHEMERAL_PUBLIC_KEY,
                    ourEphemeral.publicKey().getEncoded()));
            writer.flush();
        }

        private void sendProof(SecretKey masterKey, boolean alice) throws IOException {
            writer.writeRecord(new Record(PROTOCOL_MAJOR_VERSION, RECORD_TYPE_PROOF_OF_OWNERSHIP,
                    handshakeCrypto.proveOwnership(masterKey, alice)));
            writer.flush();
        }

        private void receiveProof(SecretKey masterKey, boolean peerIsAlice) throws IOException {
            byte[] proof = expect(reader, RECORD_TYPE_PROOF_OF_OWNERSHIP).payload();
            if (proof.length != PROOF_BYTES) {
                throw new FormatException("A proof of ownership is " + PROOF_BYTES + " bytes, not " + proof.length);
            }
            if (!handshakeCrypto.verifyOwnership(masterKey, peerIsAlice, proof)) {
                throw new FormatException("The peer's proof of ownership does not verify");
            }
        }
    }

    /** The peer's minor version, which must be 1 or higher (we speak 0.1 whatever higher it speaks), then its key. */
    private static byte[] receiveKeys(RecordReader reader) throws IOException {
        Record first = expect(reader, RECORD_TYPE_MINOR_VERSION, RECORD_TYPE_EPHEMERAL_PUBLIC_KEY);
        if (first.recordType() == RECORD_TYPE_EPHEMERAL_PUBLIC_KEY) {
            throw new FormatException("The peer speaks BHP 0.0 (no minor version), which is not supported");
        }
        if (first.payload().length != 1 || first.payload()[0] == 0) {
            throw new FormatException("A minor-version record holds one non-zero byte");
        }
        byte[] key = expect(reader, RECORD_TYPE_EPHEMERAL_PUBLIC_KEY).payload();
        if (key.length != PublicKey.LENGTH) {
            throw new FormatException("An ephemeral public key is " + PublicKey.LENGTH + " bytes, not " + key.length);
        }
        return key;
    }

    /** The next record of one of the types, skipping a few of our version's unknown types. */
    private static Record expect(RecordReader reader, int... types) throws IOException {
        Record record = reader.readRecord(r -> r.protocolVersion() == PROTOCOL_MAJOR_VERSION
                && IntStream.of(types).anyMatch(type -> type == r.recordType()), new UnknownTypes());
        if (record == null) throw new FormatException("The peer's stream ended early");
        return record;
    }

    /**
     * Matches records of our version with a type we do not know, which a later minor version may add, up to
     * {@link #MAX_SKIPPED_RECORDS} in a row; more would only keep us busy.
     */
    private static final class UnknownTypes implements Predicate<Record> {
        private int skipped;

        @Override
        public boolean test(Record r) {
            boolean unknown = r.protocolVersion() == PROTOCOL_MAJOR_VERSION
                    && r.recordType() > RECORD_TYPE_MINOR_VERSION;
            return unknown && ++skipped <= MAX_SKIPPED_RECORDS;
        }
    }

    private SecretKey deriveMasterKey(PublicKey theirStatic, byte[] theirEphemeral, KeyPair ourStatic,
            KeyPair ourEphemeral, boolean alice) throws FormatException {
        try {
            return handshakeCrypto.deriveMasterKey(theirStatic, new PublicKey(KeyType.AGREEMENT, theirEphemeral),
                    ourStatic, ourEphemeral, alice);
        } catch (GeneralSecurityException e) {
            throw new FormatException("The peer's ephemeral key is unusable: " + e.getMessage());
        }
    }

    private PendingContact loadPendingContact(PendingContactId p) throws DbException {
        return db.transactionWithResult(true, txn -> db.getPendingContacts(txn).stream()
                .filter(c -> c.id().equals(p)).findFirst()
                .orElseThrow(() -> new NoSuchContactException("No pending contact " + p)));
    }

    /** Reads the peer's tag and checks it opens a handshake-mode stream from this pending contact. */
    private RecordReader openIncomingStream(PendingContactId p, TransportId t, DuplexTransportConnection connection)
            throws IOException {
        InputStream in = connection.getReader().getInputStream();
        byte[] tag = in.readNBytes(TagEncoder.TAG_LENGTH);
        if (tag.length < TagEncoder.TAG_LENGTH) throw new FormatException("The stream ended inside the tag");
        StreamContext incoming;
        try {
            incoming = keyManager.getStreamContext(t, tag);
        } catch (DbException e) {
            throw new IOException("Could not look up the tag", e);
        }
        if (incoming == null || !p.equals(incoming.pendingContactId()) || !incoming.handshakeMode()) {
            throw new FormatException("The peer's stream is not a handshake stream from this pending contact");
        }
        return recordReaderFactory.createRecordReader(streamReaderFactory.createStreamReader(in, incoming));
    }
}
