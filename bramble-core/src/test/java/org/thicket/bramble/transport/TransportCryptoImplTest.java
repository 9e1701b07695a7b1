package org.thicket.bramble.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thicket.bramble.test.Vectors.hex;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Guice;
import java.security.GeneralSecurityException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.crypto.CryptoModule;
import org.thicket.bramble.crypto.api.CryptoComponent;
import org.thicket.bramble.crypto.api.KeyPair;
import org.thicket.bramble.crypto.api.KeyType;
import org.thicket.bramble.crypto.api.PrivateKey;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.test.Vectors;
import org.thicket.bramble.transport.api.IncomingKeys;
import org.thicket.bramble.transport.api.OutgoingKeys;
import org.thicket.bramble.transport.api.TransportDescriptor;
import org.thicket.bramble.transport.api.TransportKeys;
import org.thicket.bramble.util.Bytes;

class TransportCryptoImplTest {

    private static final CryptoComponent CRYPTO = Guice.createInjector(new CryptoModule())
            .getInstance(CryptoComponent.class);
    private static final List<JsonNode> VECTORS = Vectors.load("transport-keys");

    private final TransportCryptoImpl transportCrypto = new TransportCryptoImpl(CRYPTO);

    private static List<JsonNode> vectors(String kind) {
        List<JsonNode> found = VECTORS.stream().filter(v -> v.get("kind").asText().equals(kind)).toList();
        assertThat(found).as(kind + " vectors").isNotEmpty();
        return found;
    }

    private static SecretKey key(JsonNode v, String field) {
        return new SecretKey(hex(v, field));
    }

    private static TransportId transportId(JsonNode v) {
        return new TransportId(v.get("transportId").asText());
    }

    @Test
    void periodsMatchTheVectors() {
        for (JsonNode v : vectors("period")) {
            TransportDescriptor t = new TransportDescriptor(new TransportId("x"), v.get("maxLatencyMs").asLong());
            assertThat(t.periodLengthMs()).as(v.get("name").asText()).isEqualTo(v.get("periodLengthMs").asLong());
            assertThat(t.timePeriod(v.get("timeMs").asLong())).as(v.get("name").asText())
                    .isEqualTo(v.get("timePeriod").asLong());
        }
    }

    @Test
    void rotationKeysMatchTheVectors() {
        for (JsonNode v : vectors("rotation")) {
            TransportKeys keys = transportCrypto.deriveRotationKeys(transportId(v), key(v, "rootKeyHex"),
                    v.get("timePeriod").asLong(), v.get("alice").asBoolean(), true);
            assertKeys(v.get("name").asText(), keys, v.get("keys"));
            assertThat(keys.isHandshakeMode()).isFalse();
            TransportKeys rotated = transportCrypto.updateTransportKeys(keys, v.get("rotatedTo").asLong());
            assertKeys(v.get("name").asText() + " rotated", rotated, v.get("rotatedKeys"));
        }
    }

    /** The previous incoming keys are the root-derived ones; the outgoing ones are one rotation away. */
    @Test
    void theInitialKeysAreThoseOfThePeriodBefore() {
        for (JsonNode v : vectors("rotation")) {
            TransportKeys keys = transportCrypto.deriveRotationKeys(transportId(v), key(v, "rootKeyHex"),
                    v.get("timePeriod").asLong(), v.get("alice").asBoolean(), true);
            assertThat(keys.previousIncoming().tagKey().getBytes()).isEqualTo(hex(v, "initialIncomingTagKeyHex"));
            assertThat(keys.previousIncoming().headerKey().getBytes())
                    .isEqualTo(hex(v, "initialIncomingHeaderKeyHex"));
            SecretKey outgoingTag = CRYPTO.deriveKey(TransportCryptoImpl.ROTATE, key(v, "initialOutgoingTagKeyHex"),
                    Bytes.int64(v.get("timePeriod").asLong()));
            assertThat(keys.currentOutgoing().tagKey().getBytes()).isEqualTo(outgoingTag.getBytes());
        }
    }

    @Test
    void handshakeKeysMatchTheVectors() throws GeneralSecurityException {
        for (JsonNode v : vectors("handshake")) {
            String name = v.get("name").asText();
            KeyPair ours = new KeyPair(new PublicKey(KeyType.AGREEMENT, hex(v, "ourPublicHex")),
                    new PrivateKey(KeyType.AGREEMENT, hex(v, "ourPrivateHex")));
            PublicKey theirs = new PublicKey(KeyType.AGREEMENT, hex(v, "theirPublicHex"));
            SecretKey master = transportCrypto.deriveStaticMasterKey(theirs, ours);
            assertThat(master.getBytes()).as(name).isEqualTo(hex(v, "staticMasterKeyHex"));
            SecretKey pendingRoot = transportCrypto.deriveHandshakeRootKey(master, true);
            assertThat(pendingRoot.getBytes()).as(name).isEqualTo(hex(v, "pendingContactRootKeyHex"));
            assertThat(transportCrypto.deriveHandshakeRootKey(master, false).getBytes()).as(name)
                    .isEqualTo(hex(v, "contactRootKeyHex"));

            TransportKeys keys = transportCrypto.deriveHandshakeKeys(transportId(v), pendingRoot,
                    v.get("timePeriod").asLong(), v.get("alice").asBoolean());
            assertThat(keys.isHandshakeMode()).isTrue();
            assertThat(keys.alice()).isEqualTo(v.get("alice").asBoolean());
            assertThat(keys.currentOutgoing().active()).isTrue();
            pendingRoot.wipe();
            // The keys hold a copy of the root key, so wiping the caller's does not harm them.
            assertKeys(name, keys, v.get("keys"));
            TransportKeys rotated = transportCrypto.updateTransportKeys(keys, v.get("rotatedTo").asLong());
            assertKeys(name + " rotated", rotated, v.get("rotatedKeys"));
        }
    }

    private static void assertKeys(String name, TransportKeys actual, JsonNode expected) {
        assertIncoming(name + " previous", actual.previousIncoming(), expected.get("previousIncoming"));
        assertIncoming(name + " current", actual.currentIncoming(), expected.get("currentIncoming"));
        assertIncoming(name + " next", actual.nextIncoming(), expected.get("nextIncoming"));
        OutgoingKeys out = actual.currentOutgoing();
        JsonNode e = expected.get("outgoing");
        assertThat(out.timePeriod()).as(name + " outgoing period").isEqualTo(e.get("timePeriod").asLong());
        assertThat(out.tagKey().getBytes()).as(name + " outgoing tag key").isEqualTo(hex(e, "tagKeyHex"));
        assertThat(out.headerKey().getBytes()).as(name + " outgoing header key").isEqualTo(hex(e, "headerKeyHex"));
        assertThat(out.streamCounter()).isZero();
    }

    private static void assertIncoming(String name, IncomingKeys actual, JsonNode expected) {
        assertThat(actual.timePeriod()).as(name + " period").isEqualTo(expected.get("timePeriod").asLong());
        assertThat(actual.tagKey().getBytes()).as(name + " tag key").isEqualTo(hex(expected, "tagKeyHex"));
        assertThat(actual.headerKey().getBytes()).as(name + " header key").isEqualTo(hex(expected, "headerKeyHex"));
    }

    @Test
    void oneStepCarriesTheWindowsAndResetsTheCounter() {
        SecretKey root = CRYPTO.generateSecretKey();
        TransportId t = new TransportId("org.briarproject.bramble.lan");
        TransportKeys derived = transportCrypto.deriveRotationKeys(t, root, 1000, true, false);
        IncomingKeys current = derived.currentIncoming();
        IncomingKeys next = derived.nextIncoming();
        OutgoingKeys out = derived.currentOutgoing();
        byte[] currentTag = current.tagKey().getBytes();
        byte[] nextTag = next.tagKey().getBytes();
        TransportKeys keys = new TransportKeys(t, derived.previousIncoming(),
                new IncomingKeys(current.tagKey(), current.headerKey(), 1000, 7, 0x4000_0000),
                new IncomingKeys(next.tagKey(), next.headerKey(), 1001, 3, 0x2000_0000),
                new OutgoingKeys(out.tagKey(), out.headerKey(), 1000, 55, false));

        TransportKeys rotated = transportCrypto.updateTransportKeys(keys, 1001);

        assertThat(rotated.timePeriod()).isEqualTo(1001);
        assertThat(rotated.previousIncoming().tagKey().getBytes()).isEqualTo(currentTag);
        assertThat(rotated.previousIncoming().windowBase()).isEqualTo(7);
        assertThat(rotated.previousIncoming().windowBitmap()).isEqualTo(0x4000_0000);
        assertThat(rotated.currentIncoming().tagKey().getBytes()).isEqualTo(nextTag);
        assertThat(rotated.currentIncoming().windowBase()).isEqualTo(3);
        assertThat(rotated.nextIncoming().windowBase()).isZero();
        assertThat(rotated.nextIncoming().windowBitmap()).isZero();
        assertThat(rotated.currentOutgoing().streamCounter()).isZero();
        assertThat(rotated.currentOutgoing().active()).isFalse();
    }

    @Test
    void updatingToTheSameOrAnEarlierPeriodChangesNothing() {
        TransportKeys keys = transportCrypto.deriveRotationKeys(new TransportId("t"), CRYPTO.generateSecretKey(),
                500, false, true);
        assertThat(transportCrypto.updateTransportKeys(keys, 500)).isSameAs(keys);
        assertThat(transportCrypto.updateTransportKeys(keys, 10)).isSameAs(keys);
    }

    @Test
    void aliceAndBobDeriveEachOthersKeys() {
        SecretKey root = CRYPTO.generateSecretKey();
        TransportId t = new TransportId("org.briarproject.bramble.tor");
        TransportKeys alice = transportCrypto.deriveRotationKeys(t, root, 20000, true, true);
        TransportKeys bob = transportCrypto.deriveRotationKeys(t, root, 20000, false, true);
        for (int step = 0; step < 3; step++) {
            assertThat(alice.currentOutgoing().tagKey().getBytes())
                    .isEqualTo(bob.currentIncoming().tagKey().getBytes())
                    .isNotEqualTo(alice.currentIncoming().tagKey().getBytes());
            assertThat(bob.currentOutgoing().headerKey().getBytes())
                    .isEqualTo(alice.currentIncoming().headerKey().getBytes());
            alice = transportCrypto.updateTransportKeys(alice, alice.timePeriod() + 1 + step);
            bob = transportCrypto.updateTransportKeys(bob, bob.timePeriod() + 1 + step);
        }
    }

    @Test
    void aLowOrderHandshakeKeyIsRefused() {
        KeyPair ours = CRYPTO.generateAgreementKeyPair();
        PublicKey lowOrder = new PublicKey(KeyType.AGREEMENT, new byte[32]);
        assertThatThrownBy(() -> transportCrypto.deriveStaticMasterKey(lowOrder, ours))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void periodZeroHasNoPreviousPeriod() {
        SecretKey root = CRYPTO.generateSecretKey();
        assertThatThrownBy(() -> transportCrypto.deriveRotationKeys(new TransportId("t"), root, 0, true, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> transportCrypto.deriveHandshakeKeys(new TransportId("t"), root, 0, true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
