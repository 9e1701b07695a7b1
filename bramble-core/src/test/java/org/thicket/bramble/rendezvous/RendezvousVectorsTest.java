package org.thicket.bramble.rendezvous;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.crypto.digests.SHA3Digest;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.BrambleCoreModule;
import org.thicket.bramble.contact.api.PendingContactId;
import org.thicket.bramble.crypto.api.CryptoComponent;
import org.thicket.bramble.crypto.api.KeyPair;
import org.thicket.bramble.crypto.api.KeyType;
import org.thicket.bramble.crypto.api.PrivateKey;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.plugin.api.KeyMaterialSource;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.rendezvous.api.RendezvousCrypto;
import org.thicket.bramble.test.Vectors;
import org.thicket.bramble.util.Bytes;

/** The rendezvous key schedule and pending-contact IDs against specs/vectors/brp.json. */
class RendezvousVectorsTest {

    private static final List<JsonNode> VECTORS = Vectors.load("brp");

    @TempDir
    static Path directory;

    private static Injector injector;

    @BeforeAll
    static void createInjector() {
        // Only objects without state are taken from it; nothing is started, no database is opened.
        injector = Guice.createInjector(new BrambleCoreModule(directory));
    }

    private static List<JsonNode> ofKind(String kind) {
        return VECTORS.stream().filter(v -> v.get("kind").asText().equals(kind)).toList();
    }

    @Test
    void pendingContactIdIsTheHashOfTheKey() {
        CryptoComponent crypto = injector.getInstance(CryptoComponent.class);
        for (JsonNode v : ofKind("link")) {
            PendingContactId id = new PendingContactId(crypto.hash(PendingContactId.LABEL,
                    Vectors.hex(v, "publicKeyHex")));
            assertThat(id.getBytes()).isEqualTo(Vectors.hex(v, "pendingContactIdHex"));
        }
    }

    @Test
    void derivesTheRendezvousKeyAndKeyMaterial() throws Exception {
        RendezvousCrypto crypto = injector.getInstance(RendezvousCrypto.class);
        assertThat(ofKind("rendezvous")).hasSizeGreaterThanOrEqualTo(2);
        for (JsonNode v : ofKind("rendezvous")) {
            KeyPair ours = new KeyPair(new PublicKey(KeyType.AGREEMENT, Vectors.hex(v, "ourPublicHex")),
                    new PrivateKey(KeyType.AGREEMENT, Vectors.hex(v, "ourPrivateHex")));
            PublicKey theirs = new PublicKey(KeyType.AGREEMENT, Vectors.hex(v, "theirPublicHex"));
            SecretKey rendezvousKey = crypto.deriveRendezvousKey(theirs, ours);
            assertThat(rendezvousKey.getBytes()).as(v.get("name").asText())
                    .isEqualTo(Vectors.hex(v, "rendezvousKeyHex"));
            for (JsonNode t : v.get("transports")) {
                byte[] expected = Vectors.hex(t, "keyMaterialHex");
                KeyMaterialSource source = crypto.createKeyMaterialSource(rendezvousKey,
                        new TransportId(t.get("transportId").asText()));
                // Taken in uneven pieces: the stream continues across requests.
                byte[] first = source.getKeyMaterial(32);
                byte[] second = source.getKeyMaterial(7);
                byte[] rest = source.getKeyMaterial(expected.length - 39);
                assertThat(Bytes.concat(first, second, rest)).isEqualTo(expected);
                if (t.has("tor")) checkOnions(t.get("tor"), expected);
            }
        }
    }

    /** The Tor endpoint's use of the key material, for the Tor plugin: seeds, onion addresses, ADD_ONION keys. */
    private static void checkOnions(JsonNode tor, byte[] keyMaterial) {
        byte[] aliceSeed = Arrays.copyOfRange(keyMaterial, 0, 32);
        byte[] bobSeed = Arrays.copyOfRange(keyMaterial, 32, 64);
        assertThat(aliceSeed).isEqualTo(Vectors.hex(tor, "aliceSeedHex"));
        assertThat(bobSeed).isEqualTo(Vectors.hex(tor, "bobSeedHex"));
        assertThat(onion(aliceSeed)).isEqualTo(tor.get("aliceOnion").asText());
        assertThat(onion(bobSeed)).isEqualTo(tor.get("bobOnion").asText());
        assertThat(expandedKeyBase64(aliceSeed)).isEqualTo(tor.get("aliceExpandedKeyBase64").asText());
        assertThat(expandedKeyBase64(bobSeed)).isEqualTo(tor.get("bobExpandedKeyBase64").asText());
    }

    /** The key ADD_ONION takes: SHA-512 of the seed with the scalar half clamped as RFC 8032 does. */
    private static String expandedKeyBase64(byte[] seed) {
        try {
            byte[] expanded = MessageDigest.getInstance("SHA-512").digest(seed);
            expanded[0] &= (byte) 248;
            expanded[31] &= 127;
            expanded[31] |= 64;
            return Base64.getEncoder().encodeToString(expanded);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String onion(byte[] seed) {
        byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
        SHA3Digest sha3 = new SHA3Digest(256);
        byte[] checksumInput = Bytes.concat(".onion checksum".getBytes(StandardCharsets.US_ASCII), publicKey,
                new byte[] {3});
        sha3.update(checksumInput, 0, checksumInput.length);
        byte[] checksum = new byte[32];
        sha3.doFinal(checksum, 0);
        return base32(Bytes.concat(publicKey, Arrays.copyOf(checksum, 2), new byte[] {3}));
    }

    /** RFC 4648 base32 of 35 bytes (a multiple of 5, so no padding), lower case. */
    private static String base32(byte[] data) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        StringBuilder out = new StringBuilder();
        for (int bit = 0; bit < data.length * 8; bit += 5) {
            int value = 0;
            for (int i = bit; i < bit + 5; i++) value = value << 1 | (data[i / 8] >> (7 - i % 8) & 1);
            out.append(alphabet.charAt(value));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
