package org.thicket.bramble.crypto.api;

/**
 * XSalsa20-Poly1305 (NaCl secretbox) with the 16-byte tag written before the ciphertext; 32-byte key, 24-byte nonce.
 * Works on array ranges so that stream layers (BTP frames) can encrypt in place without copying.
 */
public interface AuthenticatedCipher {

    int KEY_LENGTH = 32;
    int NONCE_LENGTH = 24;
    int MAC_LENGTH = 16;

    /**
     * Encrypts {@code length} bytes of {@code input} at {@code inputOffset} and writes tag || ciphertext
     * ({@code length + MAC_LENGTH} bytes) to {@code output} at {@code outputOffset}.
     *
     * @return the number of bytes written
     */
    int encrypt(SecretKey key, byte[] nonce, byte[] input, int inputOffset, int length,
            byte[] output, int outputOffset);

    /**
     * Checks the tag and decrypts tag || ciphertext of {@code length} bytes, writing {@code length - MAC_LENGTH}
     * bytes of plaintext. Nothing is written to {@code output} if the tag does not verify.
     *
     * @return the number of plaintext bytes written
     */
    int decrypt(SecretKey key, byte[] nonce, byte[] input, int inputOffset, int length,
            byte[] output, int outputOffset) throws DecryptionException;
}
