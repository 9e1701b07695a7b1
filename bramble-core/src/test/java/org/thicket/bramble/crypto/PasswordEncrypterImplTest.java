package org.thicket.bramble.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.thicket.bramble.crypto.api.DecryptionException;
import org.thicket.bramble.crypto.api.ScryptCost;
import org.thicket.bramble.test.Vectors;
import org.thicket.bramble.util.Bytes;
import org.thicket.bramble.util.FormatException;

/** The password blob of specs/account.md against specs/vectors/account-password.json. */
class PasswordEncrypterImplTest {

    private static final int TEST_N = 1024;
    private static final Map<String, Class<? extends Exception>> ERRORS = Map.of(
            "DecryptionException", DecryptionException.class,
            "FormatException", FormatException.class);

    private final PasswordEncrypterImpl encrypter = new PasswordEncrypterImpl(new SecureRandom(),
            new XSalsa20Poly1305Cipher(), ScryptCost.fixed(TEST_N));
    private final JsonNode valid = Vectors.load("account-password").get(0);

    @Test
    void decryptsTheVectorBlob() throws Exception {
        assertThat(Bytes.toHex(encrypter.decryptWithPassword(hex("blobHex"), hex("passwordHex"))))
                .isEqualTo(valid.get("plaintextHex").textValue());
    }

    @Test
    void reproducesTheVectorBlobFromTheSameSaltAndNonce() {
        assertThat(Bytes.toHex(Scrypt.deriveKey(hex("passwordHex"), hex("saltHex"), valid.get("n").intValue())))
                .isEqualTo(valid.get("scryptKeyHex").textValue());
        byte[] blob = encrypter.encrypt(hex("plaintextHex"), hex("passwordHex"), hex("saltHex"),
                valid.get("n").intValue(), hex("nonceHex"));
        assertThat(Bytes.toHex(blob)).isEqualTo(valid.get("blobHex").textValue());
    }

    @TestFactory
    Stream<DynamicTest> rejectsTheBadBlobs() {
        return Vectors.load("account-password").stream().filter(v -> v.has("error"))
                .map(v -> dynamicTest(v.get("name").textValue(), () -> {
                    Class<? extends Exception> expected = ERRORS.get(v.get("error").textValue());
                    assertThat(expected).as("known error").isNotNull();
                    assertThatThrownBy(() -> encrypter.decryptWithPassword(Vectors.hex(v, "blobHex"),
                            Vectors.hex(v, "passwordHex"))).isExactlyInstanceOf(expected);
                }));
    }

    @Test
    void unknownVersionSaysSo() {
        byte[] blob = hex("blobHex");
        blob[0] = 1;
        assertThatThrownBy(() -> encrypter.decryptWithPassword(blob, hex("passwordHex")))
                .isInstanceOf(FormatException.class).hasMessageContaining("unknown format version");
    }

    @Test
    void roundTripsWithFreshSaltAndNonceAndTheInjectedCost() throws Exception {
        byte[] password = "hunter2".getBytes(StandardCharsets.UTF_8);
        byte[] key = Bytes.fromHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        byte[] first = encrypter.encryptWithPassword(key, password);
        byte[] second = encrypter.encryptWithPassword(key, password);
        assertThat(first).hasSize(PasswordEncrypterImpl.MIN_LENGTH + key.length).isNotEqualTo(second);
        assertThat(first[0]).isZero();
        assertThat(Bytes.readUint32(first, PasswordEncrypterImpl.N_OFFSET)).isEqualTo(TEST_N);
        assertThat(encrypter.decryptWithPassword(first, password)).isEqualTo(key);
        assertThat(encrypter.decryptWithPassword(second, password)).isEqualTo(key);
        assertThat(password).as("password not wiped by us").isEqualTo("hunter2".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void emptyPlaintextAndEmptyPasswordWork() throws Exception {
        byte[] blob = encrypter.encryptWithPassword(new byte[0], new byte[0]);
        assertThat(blob).hasSize(PasswordEncrypterImpl.MIN_LENGTH);
        assertThat(encrypter.decryptWithPassword(blob, new byte[0])).isEmpty();
    }

    @Test
    void refusesToWriteAnInvalidCost() {
        assertThatThrownBy(() -> encrypter.encrypt(new byte[1], new byte[1], new byte[32], 1000, new byte[24]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encrypter.encrypt(new byte[1], new byte[1], new byte[31], 1024, new byte[24]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private byte[] hex(String field) {
        return Vectors.hex(valid, field);
    }
}
