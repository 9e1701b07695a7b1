package org.thicket.bramble.crypto.api;

import java.util.Arrays;

/** A 32-byte symmetric key. A secret: wipe it when done. It has no toString with the bytes. */
public final class SecretKey {

    public static final int LENGTH = 32;

    private final byte[] key;

    public SecretKey(byte[] key) {
        if (key.length != LENGTH) throw new IllegalArgumentException("A secret key is 32 bytes");
        this.key = key.clone();
    }

    /** A copy of the secret bytes; the caller wipes it after use. */
    public byte[] getBytes() {
        return key.clone();
    }

    public void wipe() {
        Arrays.fill(key, (byte) 0);
    }

    @Override
    public String toString() {
        return "SecretKey";
    }
}
