package org.thicket.bramble.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.thicket.bramble.crypto.api.AuthenticatedCipher;
import org.thicket.bramble.crypto.api.DecryptionException;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.test.Vectors;
import org.thicket.bramble.util.Bytes;

/** NaCl secretbox with the tag first, against specs/vectors/crypto-secretbox.json and on array ranges. */
class XSalsa20Poly1305CipherTest {

    private static final int TAG = AuthenticatedCipher.MAC_LENGTH;
    private static final byte SENTINEL = 0x5A;

    private final AuthenticatedCipher cipher = new XSalsa20Poly1305Cipher();
    private final Random random = new Random(42);
    private final SecretKey key = new SecretKey(randomBytes(32));
    private final byte[] nonce = randomBytes(24);

    @TestFactory
    Stream<DynamicTest> matchesTheSecretboxVectors() {
        return Vectors.load("crypto-secretbox").stream().filter(v -> !v.has("rejected"))
                .map(v -> dynamicTest(v.get("name").textValue(), () -> {
                    SecretKey k = new SecretKey(Vectors.hex(v, "keyHex"));
                    byte[] n = Vectors.hex(v, "nonceHex");
                    byte[] plaintext = Vectors.hex(v, "plaintextHex");
                    byte[] box = Vectors.hex(v, "boxHex");
                    byte[] encrypted = new byte[plaintext.length + TAG];
                    assertThat(cipher.encrypt(k, n, plaintext, 0, plaintext.length, encrypted, 0))
                            .isEqualTo(box.length);
                    assertThat(Bytes.toHex(encrypted)).isEqualTo(Bytes.toHex(box));
                    byte[] decrypted = new byte[plaintext.length];
                    assertThat(cipher.decrypt(k, n, box, 0, box.length, decrypted, 0)).isEqualTo(plaintext.length);
                    assertThat(decrypted).isEqualTo(plaintext);
                }));
    }

    @TestFactory
    Stream<DynamicTest> rejectsTheTamperedVectorsWithoutWriting() {
        return Vectors.load("crypto-secretbox").stream().filter(v -> v.has("rejected"))
                .map(v -> dynamicTest(v.get("name").textValue(), () -> {
                    byte[] box = Vectors.hex(v, "boxHex");
                    assertRejectedWithoutWriting(new SecretKey(Vectors.hex(v, "keyHex")), Vectors.hex(v, "nonceHex"),
                            box, 0, box.length);
                }));
    }

    @Test
    void roundTripsAtOffsets() throws Exception {
        for (int length : new int[] {0, 1, 15, 16, 17, 31, 32, 33, 63, 64, 65, 988, 1024, 5000}) {
            byte[] plaintext = randomBytes(length);
            byte[] input = new byte[length + 10];
            System.arraycopy(plaintext, 0, input, 3, length);
            byte[] box = new byte[length + TAG + 20];
            assertThat(cipher.encrypt(key, nonce, input, 3, length, box, 7)).isEqualTo(length + TAG);
            assertThat(Arrays.copyOfRange(box, 7, 7 + length + TAG)).isEqualTo(encrypt(plaintext));
            assertThat(box[6]).isZero();
            assertThat(box[7 + length + TAG]).isZero();
            byte[] output = new byte[length + 9];
            assertThat(cipher.decrypt(key, nonce, box, 7, length + TAG, output, 5)).isEqualTo(length);
            assertThat(Arrays.copyOfRange(output, 5, 5 + length)).isEqualTo(plaintext);
        }
    }

    @Test
    void encryptsAndDecryptsInPlaceWithAnyOverlap() throws Exception {
        byte[] plaintext = randomBytes(200);
        byte[] box = encrypt(plaintext);
        for (int shift = -40; shift <= 40; shift++) {
            int in = 50;
            int out = in + shift;
            byte[] buffer = new byte[400];
            System.arraycopy(plaintext, 0, buffer, in, plaintext.length);
            cipher.encrypt(key, nonce, buffer, in, plaintext.length, buffer, out);
            assertThat(Arrays.copyOfRange(buffer, out, out + box.length)).as("encrypt, shift " + shift).isEqualTo(box);

            buffer = new byte[400];
            System.arraycopy(box, 0, buffer, in, box.length);
            cipher.decrypt(key, nonce, buffer, in, box.length, buffer, out);
            assertThat(Arrays.copyOfRange(buffer, out, out + plaintext.length)).as("decrypt, shift " + shift)
                    .isEqualTo(plaintext);
        }
    }

    @Test
    void anyAlteredByteIsRejectedWithoutWriting() {
        byte[] box = encrypt(randomBytes(100));
        for (int i = 0; i < box.length; i++) {
            byte[] altered = box.clone();
            altered[i] ^= (byte) (1 << (i % 8));
            assertRejectedWithoutWriting(key, nonce, altered, 0, altered.length);
        }
    }

    @Test
    void wrongKeyNonceOrLengthIsRejected() {
        byte[] box = encrypt(randomBytes(50));
        assertRejectedWithoutWriting(new SecretKey(randomBytes(32)), nonce, box, 0, box.length);
        assertRejectedWithoutWriting(key, randomBytes(24), box, 0, box.length);
        assertRejectedWithoutWriting(key, nonce, box, 0, box.length - 1);
        assertRejectedWithoutWriting(key, nonce, box, 1, box.length - 1);
        assertThatThrownBy(() -> cipher.decrypt(key, nonce, box, 0, TAG - 1, new byte[100], 0))
                .isInstanceOf(DecryptionException.class);
    }

    @Test
    void badArgumentsAreProgrammingErrors() {
        byte[] data = new byte[32];
        assertThatThrownBy(() -> cipher.encrypt(key, new byte[23], data, 0, 16, new byte[32], 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.encrypt(key, nonce, data, 0, 17, new byte[32], 0))
                .as("output too small").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.encrypt(key, nonce, data, 20, 16, new byte[64], 0))
                .as("input range").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.encrypt(key, nonce, data, -1, 16, new byte[64], 0))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] box = encrypt(data);
        byte[] small = new byte[31];
        assertThatThrownBy(() -> cipher.decrypt(key, nonce, box, 0, box.length, small, 0))
                .as("output too small").isInstanceOf(IllegalArgumentException.class);
        assertThat(small).containsOnly(0);
    }

    @Test
    void threadsSharingOneInstanceGetCorrectResults() throws Exception {
        List<byte[]> plaintexts = new ArrayList<>();
        List<SecretKey> keys = new ArrayList<>();
        List<byte[]> expected = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            plaintexts.add(randomBytes(1000 + i));
            keys.add(new SecretKey(randomBytes(32)));
            expected.add(encryptWith(new XSalsa20Poly1305Cipher(), keys.get(i), plaintexts.get(i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int first = t;
                Callable<Boolean> task = () -> {
                    for (int round = 0; round < 20; round++) {
                        for (int i = first; i < plaintexts.size(); i += 4) {
                            byte[] box = encryptWith(cipher, keys.get(i), plaintexts.get(i));
                            byte[] back = new byte[plaintexts.get(i).length];
                            cipher.decrypt(keys.get(i), nonce, box, 0, box.length, back, 0);
                            if (!Arrays.equals(box, expected.get(i)) || !Arrays.equals(back, plaintexts.get(i))) {
                                return false;
                            }
                        }
                    }
                    return true;
                };
                results.add(pool.submit(task));
            }
            for (Future<Boolean> result : results) assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private void assertRejectedWithoutWriting(SecretKey k, byte[] n, byte[] box, int offset, int length) {
        byte[] output = new byte[box.length + 8];
        Arrays.fill(output, SENTINEL);
        byte[] copy = box.clone();
        assertThatThrownBy(() -> cipher.decrypt(k, n, box, offset, length, output, 4))
                .isInstanceOf(DecryptionException.class);
        assertThat(output).containsOnly(SENTINEL);
        assertThat(box).as("input untouched").isEqualTo(copy);
    }

    private byte[] encrypt(byte[] plaintext) {
        return encryptWith(cipher, key, plaintext);
    }

    private byte[] encryptWith(AuthenticatedCipher c, SecretKey k, byte[] plaintext) {
        byte[] box = new byte[plaintext.length + TAG];
        c.encrypt(k, nonce, plaintext, 0, plaintext.length, box, 0);
        return box;
    }

    private byte[] randomBytes(int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }
}
