package org.thicket.bramble.crypto;

import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Arrays;
import org.thicket.bramble.crypto.api.AuthenticatedCipher;
import org.thicket.bramble.crypto.api.DecryptionException;
import org.thicket.bramble.crypto.api.PasswordEncrypter;
import org.thicket.bramble.crypto.api.ScryptCost;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.util.Bytes;
import org.thicket.bramble.util.FormatException;

/**
 * The password blob of specs/account.md: version 0 || salt (32) || uint32 N || nonce (24) || secretbox with the
 * tag first, keyed with scrypt(password, salt, N, r = 8, p = 1). Stateless apart from its collaborators.
 */
final class PasswordEncrypterImpl implements PasswordEncrypter {

    static final int FORMAT_VERSION = 0;
    static final int SALT_LENGTH = 32;
    static final int SALT_OFFSET = 1;
    static final int N_OFFSET = SALT_OFFSET + SALT_LENGTH;
    static final int NONCE_OFFSET = N_OFFSET + 4;
    static final int HEADER_LENGTH = NONCE_OFFSET + AuthenticatedCipher.NONCE_LENGTH;
    static final int MIN_LENGTH = HEADER_LENGTH + AuthenticatedCipher.MAC_LENGTH;

    private final SecureRandom random;
    private final AuthenticatedCipher cipher;
    private final ScryptCost cost;

    @Inject
    PasswordEncrypterImpl(SecureRandom random, AuthenticatedCipher cipher, ScryptCost cost) {
        this.random = random;
        this.cipher = cipher;
        this.cost = cost;
    }

    @Override
    public byte[] encryptWithPassword(byte[] plaintext, byte[] password) {
        byte[] salt = new byte[SALT_LENGTH];
        random.nextBytes(salt);
        byte[] nonce = new byte[AuthenticatedCipher.NONCE_LENGTH];
        random.nextBytes(nonce);
        return encrypt(plaintext, password, salt, cost.n(), nonce);
    }

    /** The encryption with every random choice given, so that tests can reproduce a known blob. */
    byte[] encrypt(byte[] plaintext, byte[] password, byte[] salt, int n, byte[] nonce) {
        if (salt.length != SALT_LENGTH) throw new IllegalArgumentException("The salt is 32 bytes");
        if (!ScryptCost.isValid(n)) throw new IllegalArgumentException("Not a valid scrypt N: " + n);
        byte[] blob = new byte[HEADER_LENGTH + AuthenticatedCipher.MAC_LENGTH + plaintext.length];
        blob[0] = FORMAT_VERSION;
        System.arraycopy(salt, 0, blob, SALT_OFFSET, SALT_LENGTH);
        Bytes.writeUint32(n, blob, N_OFFSET);
        System.arraycopy(nonce, 0, blob, NONCE_OFFSET, AuthenticatedCipher.NONCE_LENGTH);
        SecretKey key = passwordKey(password, salt, n);
        try {
            cipher.encrypt(key, nonce, plaintext, 0, plaintext.length, blob, HEADER_LENGTH);
            return blob;
        } finally {
            key.wipe();
        }
    }

    @Override
    public byte[] decryptWithPassword(byte[] encrypted, byte[] password) throws DecryptionException, FormatException {
        if (encrypted.length < MIN_LENGTH) {
            throw new FormatException("A password blob is at least " + MIN_LENGTH + " bytes, not " + encrypted.length);
        }
        int version = encrypted[0] & 0xFF;
        if (version != FORMAT_VERSION) throw new FormatException("unknown format version " + version);
        long n = Bytes.readUint32(encrypted, N_OFFSET);
        if (!ScryptCost.isValid(n)) throw new FormatException("Bad scrypt N " + n);
        byte[] salt = Arrays.copyOfRange(encrypted, SALT_OFFSET, SALT_OFFSET + SALT_LENGTH);
        byte[] nonce = Arrays.copyOfRange(encrypted, NONCE_OFFSET, HEADER_LENGTH);
        byte[] plaintext = new byte[encrypted.length - MIN_LENGTH];
        SecretKey key = passwordKey(password, salt, (int) n);
        try {
            cipher.decrypt(key, nonce, encrypted, HEADER_LENGTH, encrypted.length - HEADER_LENGTH, plaintext, 0);
            return plaintext;
        } finally {
            key.wipe();
        }
    }

    private static SecretKey passwordKey(byte[] password, byte[] salt, int n) {
        byte[] derived = Scrypt.deriveKey(password, salt, n);
        try {
            return new SecretKey(derived);
        } finally {
            Bytes.wipe(derived);
        }
    }
}
