package org.thicket.bramble.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thicket.bramble.handshake.api.HandshakeConstants.PROTOCOL_MAJOR_VERSION;
import static org.thicket.bramble.handshake.api.HandshakeConstants.PROTOCOL_MINOR_VERSION;
import static org.thicket.bramble.handshake.api.HandshakeConstants.RECORD_TYPE_EPHEMERAL_PUBLIC_KEY;
import static org.thicket.bramble.handshake.api.HandshakeConstants.RECORD_TYPE_MINOR_VERSION;
import static org.thicket.bramble.handshake.api.HandshakeConstants.RECORD_TYPE_PROOF_OF_OWNERSHIP;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.BrambleCoreModule;
import org.thicket.bramble.crypto.api.KeyPair;
import org.thicket.bramble.crypto.api.KeyType;
import org.thicket.bramble.crypto.api.PrivateKey;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.handshake.api.HandshakeCrypto;
import org.thicket.bramble.record.api.Record;
import org.thicket.bramble.record.api.RecordWriter;
import org.thicket.bramble.record.api.RecordWriterFactory;
import org.thicket.bramble.test.Vectors;

/** BHP 0.1's master key, proofs and records against specs/vectors/bhp.json, from both sides. */
class HandshakeVectorsTest {

    private static final List<JsonNode> VECTORS = Vectors.load("bhp");

    @TempDir
    static Path directory;

    private static HandshakeCrypto crypto;
    private static RecordWriterFactory recordWriters;

    @BeforeAll
    static void createInjector() {
        // Only objects without state are taken from it; nothing is started, no database is opened.
        Injector injector = Guice.createInjector(new BrambleCoreModule(directory));
        crypto = injector.getInstance(HandshakeCrypto.class);
        recordWriters = injector.getInstance(RecordWriterFactory.class);
    }

    private static KeyPair keyPair(JsonNode v, String prefix) {
        return new KeyPair(publicKey(v, prefix),
                new PrivateKey(KeyType.AGREEMENT, Vectors.hex(v, prefix + "PrivateHex")));
    }

    private static PublicKey publicKey(JsonNode v, String prefix) {
        return new PublicKey(KeyType.AGREEMENT, Vectors.hex(v, prefix + "PublicHex"));
    }

    @Test
    void bothSidesDeriveTheVectorsMasterKeyAndProofs() throws Exception {
        assertThat(VECTORS).hasSizeGreaterThanOrEqualTo(2);
        for (JsonNode v : VECTORS) {
            SecretKey fromAlice = crypto.deriveMasterKey(publicKey(v, "bobStatic"), publicKey(v, "bobEphemeral"),
                    keyPair(v, "aliceStatic"), keyPair(v, "aliceEphemeral"), true);
            SecretKey fromBob = crypto.deriveMasterKey(publicKey(v, "aliceStatic"), publicKey(v, "aliceEphemeral"),
                    keyPair(v, "bobStatic"), keyPair(v, "bobEphemeral"), false);
            byte[] expected = Vectors.hex(v, "masterKeyHex");
            assertThat(fromAlice.getBytes()).as(v.get("name").asText()).isEqualTo(expected);
            assertThat(fromBob.getBytes()).isEqualTo(expected);

            byte[] aliceProof = Vectors.hex(v, "aliceProofHex");
            byte[] bobProof = Vectors.hex(v, "bobProofHex");
            assertThat(crypto.proveOwnership(fromAlice, true)).isEqualTo(aliceProof);
            assertThat(crypto.proveOwnership(fromAlice, false)).isEqualTo(bobProof);
            assertThat(crypto.verifyOwnership(fromBob, true, aliceProof)).isTrue();
            assertThat(crypto.verifyOwnership(fromBob, false, aliceProof)).isFalse();
        }
    }

    @Test
    void recordsAreTheVectorsBytes() throws Exception {
        for (JsonNode v : VECTORS) {
            assertThat(keyRecords(publicKey(v, "aliceEphemeral"))).isEqualTo(Vectors.hex(v, "aliceKeyRecordsHex"));
            assertThat(keyRecords(publicKey(v, "bobEphemeral"))).isEqualTo(Vectors.hex(v, "bobKeyRecordsHex"));
            assertThat(encode(new Record(PROTOCOL_MAJOR_VERSION, RECORD_TYPE_PROOF_OF_OWNERSHIP,
                    Vectors.hex(v, "aliceProofHex")))).isEqualTo(Vectors.hex(v, "aliceProofRecordHex"));
        }
    }

    private static byte[] keyRecords(PublicKey ephemeral) throws Exception {
        return encode(new Record(PROTOCOL_MAJOR_VERSION, RECORD_TYPE_MINOR_VERSION,
                        new byte[] {PROTOCOL_MINOR_VERSION}),
                new Record(PROTOCOL_MAJOR_VERSION, RECORD_TYPE_EPHEMERAL_PUBLIC_KEY, ephemeral.getEncoded()));
    }

    private static byte[] encode(Record... records) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordWriter writer = recordWriters.createRecordWriter(out);
        for (Record r : records) writer.writeRecord(r);
        writer.flush();
        return out.toByteArray();
    }
}
