package org.thicket.bramble.keyagreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thicket.bramble.test.Vectors.hex;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.BrambleCoreModule;
import org.thicket.bramble.crypto.api.KeyPair;
import org.thicket.bramble.crypto.api.KeyType;
import org.thicket.bramble.crypto.api.PrivateKey;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.data.api.BdfCodec;
import org.thicket.bramble.keyagreement.api.InvalidPayloadException;
import org.thicket.bramble.keyagreement.api.KeyAgreementDescriptor;
import org.thicket.bramble.keyagreement.api.Payload;
import org.thicket.bramble.keyagreement.api.PayloadCodec;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.record.api.RecordReaderFactory;
import org.thicket.bramble.record.api.RecordWriterFactory;
import org.thicket.bramble.test.CoreNode;
import org.thicket.bramble.test.MemoryConnection;
import org.thicket.bramble.test.Vectors;

/** specs/vectors/bqp.json, computed independently by specs/vectors/gen/bqp_vectors.py. */
class BqpVectorsTest {

    private static final List<JsonNode> VECTORS = Vectors.load("bqp");

    @TempDir
    Path dir;

    private Injector injector;
    private PayloadCodec codec;
    private KeyAgreementCrypto crypto;

    @BeforeEach
    void wire() {
        // Nothing is opened: the injector only supplies the codecs and crypto.
        injector = Guice.createInjector(new BrambleCoreModule(dir));
        codec = injector.getInstance(PayloadCodec.class);
        crypto = injector.getInstance(KeyAgreementCrypto.class);
    }

    private static List<JsonNode> of(String kind) {
        List<JsonNode> list = VECTORS.stream().filter(v -> v.get("kind").asText().equals(kind)).toList();
        assertThat(list).as(kind + " vectors").isNotEmpty();
        return list;
    }

    private List<KeyAgreementDescriptor> descriptors(JsonNode v) throws IOException {
        List<KeyAgreementDescriptor> descriptors = new ArrayList<>();
        for (JsonNode d : v.get("descriptors")) {
            descriptors.add(new KeyAgreementDescriptor(new TransportId(d.get("transportId").asText()),
                    injector.getInstance(BdfCodec.class).decodeList(hex(d, "descriptorHex"))));
        }
        return descriptors;
    }

    @Test
    void payloadsEncodeAndParse() throws IOException {
        for (JsonNode v : of("payload")) {
            Payload payload = new Payload(hex(v, "commitmentHex"), descriptors(v));
            assertThat(codec.encode(payload)).as(v.get("name").asText()).isEqualTo(hex(v, "payloadHex"));
            assertThat(codec.parse(hex(v, "payloadHex"))).as(v.get("name").asText()).isEqualTo(payload);
        }
    }

    @Test
    void parsingDropsUnknownDescriptors() throws IOException {
        for (JsonNode v : of("parse")) {
            Payload parsed = codec.parse(hex(v, "inputHex"));
            assertThat(parsed).isEqualTo(new Payload(hex(v, "commitmentHex"), descriptors(v)));
            assertThat(codec.encode(parsed)).isEqualTo(hex(v, "reencodedHex"));
        }
    }

    @Test
    void badPayloadsAreRejectedForTheirReason() {
        for (JsonNode v : of("reject")) {
            assertThatThrownBy(() -> codec.parse(hex(v, "inputHex"))).as(v.get("name").asText())
                    .isInstanceOfSatisfying(InvalidPayloadException.class, e -> assertThat(e.getReason().name())
                            .isEqualTo(v.get("reason").asText()));
        }
    }

    @Test
    void commitments() {
        for (JsonNode v : of("commitment")) {
            PublicKey key = new PublicKey(KeyType.AGREEMENT, hex(v, "publicKeyHex"));
            assertThat(crypto.commitment(key)).isEqualTo(hex(v, "commitmentHex"));
        }
    }

    @Test
    void derivations() throws Exception {
        JsonNode v = of("agreement").get(0);
        KeyPair alice = keyPair(v, "alice");
        KeyPair bob = keyPair(v, "bob");
        byte[] sA = crypto.sharedSecret(bob.publicKey(), alice, true);
        byte[] sB = crypto.sharedSecret(alice.publicKey(), bob, false);
        assertThat(sA).isEqualTo(hex(v, "sharedSecretHex")).isEqualTo(sB);
        byte[] payloadA = hex(v, "alicePayloadHex");
        byte[] payloadB = hex(v, "bobPayloadHex");
        assertThat(crypto.confirmationMac(sA, payloadA, alice.publicKey(), payloadB, bob.publicKey()))
                .isEqualTo(hex(v, "aliceConfirmHex"));
        assertThat(crypto.confirmationMac(sA, payloadB, bob.publicKey(), payloadA, alice.publicKey()))
                .isEqualTo(hex(v, "bobConfirmHex"));
        assertThat(crypto.masterKey(sA).getBytes()).isEqualTo(hex(v, "masterKeyHex"));
        assertThat(codec.parse(payloadA).getCommitment()).isEqualTo(crypto.commitment(alice.publicKey()));
        assertThat(codec.parse(payloadB).getCommitment()).isEqualTo(crypto.commitment(bob.publicKey()));
    }

    /** Both sides of the protocol over a connection pair send exactly the vector's records and reach its key. */
    @Test
    void aRunSendsExactlyTheVectorsRecords() throws Exception {
        JsonNode v = of("agreement").get(0);
        byte[] payloadA = hex(v, "alicePayloadHex");
        byte[] payloadB = hex(v, "bobPayloadHex");
        MemoryConnection[] ends = MemoryConnection.pair(30_000, 60_000);
        ByteArrayOutputStream sentByAlice = new ByteArrayOutputStream();
        ByteArrayOutputStream sentByBob = new ByteArrayOutputStream();
        KeyAgreementProtocol alice = protocol(ends[0], sentByAlice, keyPair(v, "alice"), payloadA, payloadB, true);
        KeyAgreementProtocol bob = protocol(ends[1], sentByBob, keyPair(v, "bob"), payloadB, payloadA, false);

        CompletableFuture<SecretKey> bobsKey = CompletableFuture.supplyAsync(() -> {
            try {
                return bob.perform();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        SecretKey alicesKey = alice.perform();

        assertThat(alicesKey.getBytes()).isEqualTo(hex(v, "masterKeyHex"));
        assertThat(bobsKey.get(CoreNode.TIMEOUT_SECONDS, TimeUnit.SECONDS).getBytes())
                .isEqualTo(hex(v, "masterKeyHex"));
        assertThat(sentByAlice.toByteArray()).isEqualTo(records(v, "alice"));
        assertThat(sentByBob.toByteArray()).isEqualTo(records(v, "bob"));
    }

    private KeyAgreementProtocol protocol(MemoryConnection end, ByteArrayOutputStream copy, KeyPair keyPair,
            byte[] ourPayload, byte[] theirPayload, boolean alice) throws IOException {
        OutputStream tee = new FilterOutputStream(end.getWriter().getOutputStream()) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                copy.write(b, off, len);
                out.write(b, off, len);
            }

            @Override
            public void write(int b) throws IOException {
                copy.write(b);
                out.write(b);
            }
        };
        KeyAgreementTransport transport = new KeyAgreementTransport(
                injector.getInstance(RecordReaderFactory.class).createRecordReader(end.getReader().getInputStream()),
                injector.getInstance(RecordWriterFactory.class).createRecordWriter(tee));
        return new KeyAgreementProtocol(crypto, transport, keyPair, ourPayload, theirPayload,
                codec.parse(theirPayload).getCommitment(), alice);
    }

    private static byte[] records(JsonNode v, String from) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (JsonNode r : v.get("records")) {
            if (r.get("from").asText().equals(from)) out.writeBytes(hex(r, "recordHex"));
        }
        return out.toByteArray();
    }

    private static KeyPair keyPair(JsonNode v, String who) {
        return new KeyPair(new PublicKey(KeyType.AGREEMENT, hex(v, who + "PublicHex")),
                new PrivateKey(KeyType.AGREEMENT, hex(v, who + "PrivateHex")));
    }

    @Test
    void theAbortRecord() throws IOException {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        new KeyAgreementTransport(null, injector.getInstance(RecordWriterFactory.class).createRecordWriter(sent))
                .sendAbort();
        assertThat(sent.toByteArray()).isEqualTo(hex(of("agreement").get(0), "abortRecordHex"));
    }
}
