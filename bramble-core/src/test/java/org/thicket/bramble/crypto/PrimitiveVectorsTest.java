package org.thicket.bramble.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.thicket.bramble.test.Vectors;
import org.thicket.bramble.util.Bytes;

/**
 * The Bouncy Castle primitives under our constructions, without any label, against the published vectors:
 * RFC 7748 X25519, RFC 8032 Ed25519 and RFC 7693 / BLAKE2 KAT BLAKE2b.
 */
class PrimitiveVectorsTest {

    @TestFactory
    Stream<DynamicTest> x25519MatchesRfc7748() {
        return vectors("crypto-x25519").filter(v -> v.has("scalarHex") || v.has("sharedSecretHex"))
                .map(v -> dynamicTest(name(v), () -> {
                    if (v.has("scalarHex")) {
                        assertThat(hex(x25519(Vectors.hex(v, "scalarHex"), Vectors.hex(v, "uHex"))))
                                .isEqualTo(v.get("outputHex").textValue());
                        return;
                    }
                    byte[] alice = Vectors.hex(v, "alicePrivateHex");
                    byte[] bob = Vectors.hex(v, "bobPrivateHex");
                    assertThat(hex(publicKey(alice))).isEqualTo(v.get("alicePublicHex").textValue());
                    assertThat(hex(publicKey(bob))).isEqualTo(v.get("bobPublicHex").textValue());
                    assertThat(hex(x25519(alice, Vectors.hex(v, "bobPublicHex"))))
                            .isEqualTo(v.get("sharedSecretHex").textValue());
                    assertThat(hex(x25519(bob, Vectors.hex(v, "alicePublicHex"))))
                            .isEqualTo(v.get("sharedSecretHex").textValue());
                }));
    }

    @TestFactory
    Stream<DynamicTest> x25519ReportsTheAllZeroOutputOfLowOrderPoints() {
        return vectors("crypto-x25519").filter(v -> v.has("rejected")).map(v -> dynamicTest(name(v), () -> {
            byte[] out = new byte[32];
            boolean nonZero = X25519.calculateAgreement(Vectors.hex(v, "privateHex"), 0,
                    Vectors.hex(v, "theirPublicHex"), 0, out, 0);
            assertThat(nonZero).isFalse();
            assertThat(hex(out)).isEqualTo(v.get("outputHex").textValue());
        }));
    }

    @TestFactory
    Stream<DynamicTest> ed25519MatchesRfc8032() {
        return vectors("crypto-ed25519").filter(v -> v.get("kind").textValue().equals("raw"))
                .map(v -> dynamicTest(name(v), () -> {
                    byte[] seed = Vectors.hex(v, "seedHex");
                    byte[] publicKey = Vectors.hex(v, "publicKeyHex");
                    byte[] message = Vectors.hex(v, "messageHex");
                    byte[] signature = Vectors.hex(v, "signatureHex");
                    byte[] derived = new byte[32];
                    Ed25519.generatePublicKey(seed, 0, derived, 0);
                    assertThat(hex(derived)).isEqualTo(hex(publicKey));
                    byte[] produced = new byte[64];
                    Ed25519.sign(seed, 0, message, 0, message.length, produced, 0);
                    assertThat(hex(produced)).isEqualTo(hex(signature));
                    assertThat(Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length)).isTrue();
                }));
    }

    @TestFactory
    Stream<DynamicTest> blake2bMatchesRfc7693AndTheKat() {
        return vectors("crypto-blake2b").map(v -> dynamicTest(name(v), () -> {
            int digestBytes = v.get("digestBytes").intValue();
            byte[] key = Vectors.hex(v, "keyHex");
            Blake2bDigest digest = key.length == 0 ? new Blake2bDigest(digestBytes * 8)
                    : new Blake2bDigest(key, digestBytes, null, null);
            byte[] input = Vectors.hex(v, "inputHex");
            digest.update(input, 0, input.length);
            byte[] out = new byte[digestBytes];
            digest.doFinal(out, 0);
            assertThat(hex(out)).isEqualTo(v.get("outputHex").textValue());
        }));
    }

    private static byte[] x25519(byte[] scalar, byte[] u) {
        byte[] out = new byte[32];
        X25519.scalarMult(scalar, 0, u, 0, out, 0);
        return out;
    }

    private static byte[] publicKey(byte[] scalar) {
        byte[] out = new byte[32];
        X25519.generatePublicKey(scalar, 0, out, 0);
        return out;
    }

    private static Stream<JsonNode> vectors(String file) {
        return Vectors.load(file).stream();
    }

    private static String name(JsonNode v) {
        return v.get("name").textValue();
    }

    private static String hex(byte[] b) {
        return Bytes.toHex(b);
    }
}
