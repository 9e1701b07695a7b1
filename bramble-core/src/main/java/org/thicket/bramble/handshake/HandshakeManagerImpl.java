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
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
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

    private final DatabaseComponent db;
    private final IdentityManager identityManager;
    private final KeyManager keyManager;
    private final CryptoComponent crypto;
    private final HandshakeCrypto handshakeCrypto;
    private final StreamReaderFactory streamReaderFactory;
    private final StreamWriterFactory streamWriterFactory;
    private final RecordReaderFactory recordReaderFactory;
    private final RecordWriterFactory recordWriterFactory;

    @Inject
    HandshakeManagerImpl(DatabaseComponent db, IdentityManager identityManager, KeyManager keyManager,
            CryptoComponent crypto, HandshakeCrypto handshakeCrypto, StreamReaderFactory streamReaderFactory,
            StreamWriterFactory streamWriterFactory, RecordReaderFactory recordReaderFactory,
            RecordWriterFactory recordWriterFactory) {
        this.db = db;
        this.identityManager = identityManager;
        this.keyManager = keyManager;
        this.crypto = crypto;
        this.handshakeCrypto = handshakeCrypto;
        this.streamReaderFactory = streamReaderFactory;
        this.streamWriterFactory = streamWriterFactory;
        this.recordReaderFactory = recordReaderFactory;
        this.recordWriterFactory = recordWriterFactory;
    }

    @Override
    public HandshakeResult handshake(PendingContactId p, TransportId t, DuplexTransportConnection connection)
            throws IOException, DbException {
        try {
            return run(p, t, connection);
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
        StreamWriter streamWriter = streamWriterFactory.createStreamWriter(connection.getWriter().getOutputStream(),
                outgoing);
        RecordWriter writer = recordWriterFactory.createRecordWriter(streamWriter.getOutputStream());
        KeyPair ourEphemeral = crypto.generateAgreementKeyPair();
        SecretKey masterKey = null;
        try {
            RecordReader reader;
            byte[] theirEphemeral;
            // Alice speaks first; Bob's stream only starts once he has heard her keys.
            if (alice) {
                sendKeys(writer, ourEphemeral);
                reader = openIncomingStream(p, t, connection);
                theirEphemeral = receiveKeys(reader);
            } else {
                reader = openIncomingStream(p, t, connection);
                theirEphemeral = receiveKeys(reader);
                sendKeys(writer, ourEphemeral);
            }
            masterKey = deriveMasterKey(theirStatic, theirEphemeral, ourStatic, ourEphemeral, alice);
            if (alice) {
                sendProof(writer, masterKey, true);
                receiveProof(reader, masterKey, false);
            } else {
                receiveProof(reader, masterKey, true);
                sendProof(writer, masterKey, false);
            }
            writer.flush();
            streamWriter.sendEndOfStream();
            if (reader.readRecord(r -> false, HandshakeManagerImpl::isUnknownType) != null) {
                throw new FormatException("The peer sent more after its proof");
            }
            HandshakeResult result = new HandshakeResult(masterKey, alice);
            masterKey = null;
            return result;
        } finally {
            ourEphemeral.privateKey().wipe();
            if (masterKey != null) masterKey.wipe();
        }
    }

    private static void sendKeys(RecordWriter writer, KeyPair ourEphemeral) throws IOException {
        writer.writeRecord(new Record(PROTOCOL_MAJOR_VERSION, RECORD_TYPE_MINOR_VERSION,
                new byte[] {PROTOCOL_MINOR_VERSION}));
        writer.writeRecord(new Record(PROTOCOL_MAJOR_VERSION, RECORD_TYPE_EPHEMERAL_PUBLIC_KEY,
                ourEphemeral.publicKey().getEncoded()));
        writer.flush();
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

    private void sendProof(RecordWriter writer, SecretKey masterKey, boolean alice) throws IOException {
        writer.writeRecord(new Record(PROTOCOL_MAJOR_VERSION, RECORD_TYPE_PROOF_OF_OWNERSHIP,
                handshakeCrypto.proveOwnership(masterKey, alice)));
        writer.flush();
    }

    private void receiveProof(RecordReader reader, SecretKey masterKey, boolean peerIsAlice) throws IOException {
        byte[] proof = expect(reader, RECORD_TYPE_PROOF_OF_OWNERSHIP).payload();
        if (proof.length != PROOF_BYTES) {
            throw new FormatException("A proof of ownership is " + PROOF_BYTES + " bytes, not " + proof.length);
        }
        if (!handshakeCrypto.verifyOwnership(masterKey, peerIsAlice, proof)) {
            throw new FormatException("The peer's proof of ownership does not verify");
        }
    }

    /** The next record of one of the types, skipping our version's unknown types. */
    private static Record expect(RecordReader reader, int... types) throws IOException {
        Record record = reader.readRecord(r -> r.protocolVersion() == PROTOCOL_MAJOR_VERSION
                && IntStream.of(types).anyMatch(type -> type == r.recordType()), HandshakeManagerImpl::isUnknownType);
        if (record == null) throw new FormatException("The peer's stream ended early");
        return record;
    }

    /** Records of our version with a type we do not know are skipped, for forward compatibility. */
    private static boolean isUnknownType(Record r) {
        return r.protocolVersion() == PROTOCOL_MAJOR_VERSION && r.recordType() > RECORD_TYPE_MINOR_VERSION;
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
