package org.thicket.bramble.contactexchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thicket.bramble.test.Vectors.hex;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.BrambleCoreModule;
import org.thicket.bramble.client.api.ClientHelper;
import org.thicket.bramble.crypto.api.KeyType;
import org.thicket.bramble.crypto.api.PrivateKey;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.data.api.BdfCodec;
import org.thicket.bramble.identity.api.Author;
import org.thicket.bramble.identity.api.AuthorFactory;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.api.TransportProperties;
import org.thicket.bramble.record.api.Record;
import org.thicket.bramble.record.api.RecordWriterFactory;
import org.thicket.bramble.test.Vectors;

/** specs/vectors/contact-exchange.json, computed independently by specs/vectors/gen/bqp_vectors.py. */
class ContactExchangeVectorsTest {

    private static final List<JsonNode> VECTORS = Vectors.load("contact-exchange");

    @TempDir
    Path dir;

    private Injector injector;
    private ContactExchangeCrypto crypto;
    private ClientHelper clientHelper;
    private BdfCodec bdf;

    @BeforeEach
    void wire() {
        // Nothing is opened: the injector only supplies the codec, the helper and crypto.
        injector = Guice.createInjector(new BrambleCoreModule(dir));
        crypto = injector.getInstance(ContactExchangeCrypto.class);
        clientHelper = injector.getInstance(ClientHelper.class);
        bdf = injector.getInstance(BdfCodec.class);
    }

    private static List<JsonNode> of(String kind) {
        List<JsonNode> list = VECTORS.stream().filter(v -> v.get("kind").asText().equals(kind)).toList();
        assertThat(list).as(kind + " vectors").isNotEmpty();
        return list;
    }

    @Test
    void headerKeysAndNonces() {
        for (JsonNode v : of("keys")) {
            SecretKey master = new SecretKey(hex(v, "masterKeyHex"));
            assertThat(crypto.headerKey(master, true).getBytes()).isEqualTo(hex(v, "aliceHeaderKeyHex"));
            assertThat(crypto.headerKey(master, false).getBytes()).isEqualTo(hex(v, "bobHeaderKeyHex"));
            assertThat(crypto.nonce(master, true)).isEqualTo(hex(v, "aliceNonceHex"));
            assertThat(crypto.nonce(master, false)).isEqualTo(hex(v, "bobNonceHex"));
        }
    }

    @Test
    void contactInfoIsSignedEncodedAndParsed() throws Exception {
        for (JsonNode v : of("contactInfo")) {
            boolean alice = v.get("role").asText().equals("alice");
            byte[] nonce = crypto.nonce(new SecretKey(hex(v, "masterKeyHex")), alice);
            assertThat(nonce).isEqualTo(hex(v, "nonceHex"));
            byte[] signature = crypto.sign(nonce, new PrivateKey(KeyType.SIGNATURE, hex(v, "seedHex")));
            assertThat(signature).isEqualTo(hex(v, "signatureHex"));

            PublicKey publicKey = new PublicKey(KeyType.SIGNATURE, hex(v, "publicKeyHex"));
            Author author = injector.getInstance(AuthorFactory.class).createAuthor(v.get("authorName").asText(),
                    publicKey);
            ContactInfo info = new ContactInfo(author, properties(v), signature, v.get("timestamp").asLong());
            byte[] payload = bdf.encode(info.toList(clientHelper));
            assertThat(payload).isEqualTo(hex(v, "payloadHex"));
            ByteArrayOutputStream record = new ByteArrayOutputStream();
            injector.getInstance(RecordWriterFactory.class).createRecordWriter(record)
                    .writeRecord(new Record(ContactExchangeCrypto.PROTOCOL_VERSION,
                            ContactExchangeManagerImpl.RECORD_CONTACT_INFO, payload));
            assertThat(record.toByteArray()).isEqualTo(hex(v, "recordHex"));

            ContactInfo parsed = ContactInfo.parse(bdf.decodeList(hex(v, "payloadHex")), clientHelper);
            assertThat(parsed.author()).isEqualTo(author);
            assertThat(parsed.properties()).isEqualTo(info.properties());
            assertThat(parsed.signature()).isEqualTo(signature);
            assertThat(parsed.timestamp()).isEqualTo(v.get("timestamp").asLong());
            assertThat(crypto.verify(parsed.signature(), nonce, publicKey)).isTrue();
            assertThat(crypto.verify(parsed.signature(), crypto.nonce(new SecretKey(hex(v, "masterKeyHex")),
                    !alice), publicKey)).as("the other side's nonce").isFalse();
        }
    }

    private static Map<TransportId, TransportProperties> properties(JsonNode v) {
        Map<TransportId, TransportProperties> properties = new HashMap<>();
        v.get("properties").fields().forEachRemaining(transport -> {
            Map<String, String> values = new HashMap<>();
            transport.getValue().fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
            properties.put(new TransportId(transport.getKey()), new TransportProperties(values));
        });
        return properties;
    }
}
