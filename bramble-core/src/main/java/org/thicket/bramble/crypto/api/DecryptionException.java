package org.thicket.bramble.crypto.api;

import java.security.GeneralSecurityException;

/** Authenticated decryption failed: wrong key or password, or the ciphertext was altered or truncated. */
public class DecryptionException extends GeneralSecurityException {

    private static final long serialVersionUID = 1L;

    public DecryptionException(String message) {
        super(message);
    }
}
