package org.thicket.bramble.crypto.api;

/**
 * Encrypts a small secret (the database key) under a password, in the versioned format of specs/account.md:
 * version byte 0, 32-byte salt, uint32 scrypt N, 24-byte nonce, secretbox (tag first). scrypt uses r = 8, p = 1 and
 * an N calibrated on this machine to about one second, at most 2^20 and within half the heap.
 */
public interface PasswordEncrypter {

    /** @param password UTF-8 bytes of the password; not modified, the caller wipes it */
    byte[] encryptWithPassword(byte[] plaintext, byte[] password);

    /**
     * @throws DecryptionException if the password is wrong or the blob was altered
     * @throws org.thicket.bramble.util.FormatException if the blob is not in a known format or has bad parameters
     */
    byte[] decryptWithPassword(byte[] encrypted, byte[] password)
            throws DecryptionException, org.thicket.bramble.util.FormatException;
}
