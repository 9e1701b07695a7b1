package org.thicket.bramble.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.thicket.bramble.crypto.api.CryptoComponent;
import org.thicket.bramble.crypto.api.KeyPair;
import org.thicket.bramble.crypto.api.KeyType;
import org.thicket.bramble.crypto.api.PrivateKey;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.identity.api.AuthorId;
import org.thicket.bramble.test.Vectors;
import org.thicket.bramble.util.Bytes;

/** The labelled constructions against specs/vectors/crypto-labelled.json, crypto-ed25519.json, crypto-x25519.json. */
class CryptoComponentImplTest {

    private static final String LABEL = "org.thicket.test/LABEL";
    private static final byte[] MESSAGE = "a message".getBytes(StandardCharsets.UTF_8);

    private final CryptoComponent crypto = new CryptoComponentImpl(new SecureRandom());

    @TestFactory
    Stream<DynamicTest> labelledConstructionsMatchTheVectors() {
        return Vectors.load("crypto-labelled").stream().map(v -> dynamicTest(v.get("name").textValue(), () ->
                assertThat(Bytes.toHex(compute(v))).isEqualTo(expected(v))));
    }

    @TestFactory
    Stream<DynamicTest> authorIdIsTheLabelledHashOfVersionNameAndKey() {
        return Vectors.load("crypto-labelled").stream().filter(v -> v.get("function").textValue().equals("authorId"))
                .map(v -> dynamicTest(v.get("name").textValue(), () -> {
                    byte[] id = crypto.hash(AuthorId.LABEL, Bytes.uint32(v.get("formatVersion").intValue()),
                            v.get("authorName").textValue().getBytes(StandardCharsets.UTF_8),
                            Vectors.hex(v, "publicKeyHex"));
                    assertThat(new AuthorId(id)).isEqualTo(new AuthorId(Vectors.hex(v, "outputHex")));
                }));
    }

    @TestFactory
    Stream<DynamicTest> labelledSignaturesOverTheRfc8032KeysMatchTheVectors() {
        return Vectors.load("crypto-ed25519").stream().filter(v -> v.get("kind").textValue().equals("labelled"))
                .map(v -> dynamicTest(v.get("name").textValue(), () -> {
                    assertThat(Bytes.toHex(CryptoComponentImpl.signedBytes(label(v), Vectors.hex(v, "messageHex"))))
                            .isEqualTo(v.get("signedBytesHex").textValue());
                    assertThat(Bytes.toHex(compute(v))).isEqualTo(v.get("signatureHex").textValue());
                    assertThat(crypto.verifySignature(Vectors.hex(v, "signatureHex"), label(v),
                            Vectors.hex(v, "messageHex"), signaturePublicKey(v))).isTrue();
                }));
    }

    @TestFactory
    Stream<DynamicTest> deriveSharedSecretRejectsLowOrderPublicKeys() {
        return Vectors.load("crypto-x25519").stream().filter(v -> v.has("rejected"))
                .map(v -> dynamicTest(v.get("name").textValue(), () -> {
                    KeyPair ours = agreementKeyPair(Vectors.hex(v, "privateHex"));
                    PublicKey theirs = new PublicKey(KeyType.AGREEMENT, Vectors.hex(v, "theirPublicHex"));
                    assertThatThrownBy(() -> crypto.deriveSharedSecret(LABEL, theirs, ours))
                            .isInstanceOf(GeneralSecurityException.class)
                            .hasMessageContaining("all-zero");
                }));
    }

    @Test
    void deriveSharedSecretAgreesBothWaysAndDependsOnLabelAndInputs() throws Exception {
        KeyPair alice = crypto.generateAgreementKeyPair();
        KeyPair bob = crypto.generateAgreementKeyPair();
        byte[] aliceSide = crypto.deriveSharedSecret(LABEL, bob.publicKey(), alice, MESSAGE);
        byte[] bobSide = crypto.deriveSharedSecret(LABEL, alice.publicKey(), bob, MESSAGE);
        assertThat(aliceSide).hasSize(32).isEqualTo(bobSide);
        assertThat(crypto.deriveSharedSecret(LABEL + "2", bob.publicKey(), alice, MESSAGE)).isNotEqualTo(aliceSide);
        assertThat(crypto.deriveSharedSecret(LABEL, bob.publicKey(), alice)).isNotEqualTo(aliceSide);
        assertThat(crypto.deriveSharedSecret(LABEL, bob.publicKey(), alice, MESSAGE))
                .as("the private key survives use").isEqualTo(aliceSide);
    }

    @Test
    void deriveSharedSecretRefusesSignatureKeys() {
        KeyPair agreement = crypto.generateAgreementKeyPair();
        KeyPair signature = crypto.generateSignatureKeyPair();
        assertThatThrownBy(() -> crypto.deriveSharedSecret(LABEL, signature.publicKey(), agreement))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> crypto.deriveSharedSecret(LABEL, agreement.publicKey(), signature))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void generatedAgreementKeyPairIsConsistent() {
        KeyPair pair = crypto.generateAgreementKeyPair();
        byte[] scalar = pair.privateKey().getEncoded();
        byte[] expectedPublic = new byte[32];
        X25519.generatePublicKey(scalar, 0, expectedPublic, 0);
        assertThat(pair.type()).isEqualTo(KeyType.AGREEMENT);
        assertThat(pair.publicKey().getEncoded()).isEqualTo(expectedPublic);
        assertThat(crypto.generateAgreementKeyPair().publicKey()).isNotEqualTo(pair.publicKey());
    }

    @Test
    void signatureVerifiesOnlyWithTheSameLabelMessageAndKey() throws Exception {
        KeyPair pair = crypto.generateSignatureKeyPair();
        byte[] signature = crypto.sign(LABEL, MESSAGE, pair.privateKey());
        assertThat(pair.type()).isEqualTo(KeyType.SIGNATURE);
        assertThat(signature).hasSize(64);
        assertThat(crypto.sign(LABEL, MESSAGE, pair.privateKey())).as("deterministic, key intact").isEqualTo(signature);
        assertThat(crypto.verifySignature(signature, LABEL, MESSAGE, pair.publicKey())).isTrue();
        assertThat(crypto.verifySignature(signature, LABEL + "2", MESSAGE, pair.publicKey())).isFalse();
        assertThat(crypto.verifySignature(signature, LABEL, new byte[] {1}, pair.publicKey())).isFalse();
        assertThat(crypto.verifySignature(signature, LABEL, MESSAGE, crypto.generateSignatureKeyPair().publicKey()))
                .isFalse();
    }

    @Test
    void labelAndMessageBoundaryCannotBeShifted() throws Exception {
        // Without length prefixes "ab" + "c" and "a" + "bc" would sign the same bytes.
        KeyPair pair = crypto.generateSignatureKeyPair();
        byte[] signature = crypto.sign("ab", "c".getBytes(StandardCharsets.UTF_8), pair.privateKey());
        assertThat(crypto.verifySignature(signature, "a", "bc".getBytes(StandardCharsets.UTF_8), pair.publicKey()))
                .isFalse();
        assertThat(crypto.hash("ab", new byte[] {'c'})).isNotEqualTo(crypto.hash("a", new byte[] {'b', 'c'}));
        assertThat(crypto.hash(LABEL, new byte[0], new byte[] {1})).isNotEqualTo(crypto.hash(LABEL, new byte[] {1}));
    }

    @Test
    void everyBitOfTheSignatureMatters() throws Exception {
        KeyPair pair = crypto.generateSignatureKeyPair();
        byte[] signature = crypto.sign(LABEL, MESSAGE, pair.privateKey());
        for (int bit = 0; bit < signature.length * 8; bit++) {
            byte[] altered = signature.clone();
            altered[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(crypto.verifySignature(altered, LABEL, MESSAGE, pair.publicKey())).as("bit " + bit).isFalse();
        }
    }

    @Test
    void verifyThrowsOnlyForWrongKeyTypeOrSignatureLength() {
        KeyPair signing = crypto.generateSignatureKeyPair();
        PublicKey agreementKey = crypto.generateAgreementKeyPair().publicKey();
        assertThatThrownBy(() -> crypto.verifySignature(new byte[64], LABEL, MESSAGE, agreementKey))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> crypto.verifySignature(new byte[63], LABEL, MESSAGE, signing.publicKey()))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> crypto.verifySignature(new byte[65], LABEL, MESSAGE, signing.publicKey()))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> crypto.sign(LABEL, MESSAGE, crypto.generateAgreementKeyPair().privateKey()))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void malformedSignaturesAndKeysVerifyFalse() throws Exception {
        PublicKey notAPoint = new PublicKey(KeyType.SIGNATURE, Bytes.fromHex("ff".repeat(32)));
        PublicKey valid = crypto.generateSignatureKeyPair().publicKey();
        byte[] highS = new byte[64];
        Arrays.fill(highS, 32, 64, (byte) 0xFF);
        assertThat(crypto.verifySignature(new byte[64], LABEL, MESSAGE, notAPoint)).isFalse();
        assertThat(crypto.verifySignature(highS, LABEL, MESSAGE, valid)).isFalse();
    }

    @Test
    void smallOrderPublicKeyIsRefused() throws Exception {
        // With A and R the identity and S = 0, [S]B = R + [k]A holds for every message: a naive verifier accepts.
        byte[] identity = new byte[32];
        identity[0] = 1;
        byte[] signature = new byte[64];
        System.arraycopy(identity, 0, signature, 0, 32);
        PublicKey smallOrder = new PublicKey(KeyType.SIGNATURE, identity);
        assertThat(crypto.verifySignature(signature, LABEL, MESSAGE, smallOrder)).isFalse();
    }

    @Test
    void secretKeysAreFreshAndMacKeyed() {
        SecretKey a = crypto.generateSecretKey();
        SecretKey b = crypto.generateSecretKey();
        assertThat(a.getBytes()).hasSize(32).isNotEqualTo(b.getBytes());
        assertThat(crypto.mac(LABEL, a, MESSAGE)).isNotEqualTo(crypto.mac(LABEL, b, MESSAGE));
        assertThat(crypto.mac(LABEL, a, MESSAGE)).as("the key survives use").isEqualTo(crypto.mac(LABEL, a, MESSAGE));
        assertThat(crypto.deriveKey(LABEL, a, MESSAGE).getBytes()).isEqualTo(crypto.mac(LABEL, a, MESSAGE));
    }

    private byte[] compute(JsonNode v) throws GeneralSecurityException {
        String function = v.has("function") ? v.get("function").textValue() : "sign";
        byte[][] inputs = inputs(v);
        switch (function) {
            case "hash", "authorId":
                return crypto.hash(label(v), inputs);
            case "mac":
                return crypto.mac(label(v), new SecretKey(Vectors.hex(v, "keyHex")), inputs);
            case "deriveKey":
                return crypto.deriveKey(label(v), new SecretKey(Vectors.hex(v, "keyHex")), inputs).getBytes();
            case "deriveSharedSecret":
                KeyPair ours = agreementKeyPair(Vectors.hex(v, "ourPrivateHex"));
                assertThat(Bytes.toHex(ours.publicKey().getEncoded())).isEqualTo(v.get("ourPublicHex").textValue());
                return crypto.deriveSharedSecret(label(v),
                        new PublicKey(KeyType.AGREEMENT, Vectors.hex(v, "theirPublicHex")), ours, inputs);
            case "sign":
                byte[] signature = crypto.sign(label(v), Vectors.hex(v, "messageHex"),
                        new PrivateKey(KeyType.SIGNATURE, Vectors.hex(v, "seedHex")));
                assertThat(crypto.verifySignature(signature, label(v), Vectors.hex(v, "messageHex"),
                        signaturePublicKey(v))).isTrue();
                return signature;
            default:
                throw new AssertionError("Unknown function " + function);
        }
    }

    private static String expected(JsonNode v) {
        return (v.has("signatureHex") ? v.get("signatureHex") : v.get("outputHex")).textValue();
    }

    private static String label(JsonNode v) {
        return v.get("label").textValue();
    }

    private static byte[][] inputs(JsonNode v) {
        List<byte[]> inputs = new ArrayList<>();
        if (v.has("inputsHex")) v.get("inputsHex").forEach(i -> inputs.add(Bytes.fromHex(i.textValue())));
        return inputs.toArray(new byte[0][]);
    }

    private static PublicKey signaturePublicKey(JsonNode v) {
        return new PublicKey(KeyType.SIGNATURE, Vectors.hex(v, "publicKeyHex"));
    }

    private static KeyPair agreementKeyPair(byte[] scalar) {
        byte[] publicKey = new byte[32];
        X25519.generatePublicKey(scalar, 0, publicKey, 0);
        return new KeyPair(new PublicKey(KeyType.AGREEMENT, publicKey), new PrivateKey(KeyType.AGREEMENT, scalar));
    }
}
