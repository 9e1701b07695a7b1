package org.thicket.bramble.crypto.api;

import java.util.Arrays;

/**
 * A 32-byte private key: the Ed25519 seed or the X25519 scalar. The bytes are a secret: callers wipe their copies
 * and call {@link #wipe()} once the key is no longer needed. It deliberately has no toString with the bytes.
 */
public final class PrivateKey {

    public static final int LENGTH = 32;

    private final KeyType type;
    private final byte[] encoded;

    public PrivateKey(KeyType type, byte[] encoded) {
        if (encoded.length != LENGTH) throw new IllegalArgumentException("A private key is 32 bytes");
        this.type = type;
        this.encoded = encoded.clone();
    }

    public KeyType getType() {
        return type;
    }

    /** A copy of the secret bytes; the caller wipes it after use. */
    public byte[] getEncoded() {
        return encoded.clone();
    }

    public void wipe() {
        Arrays.fill(encoded, (byte) 0);
    }

    @Override
    public String toString() {
        return "PrivateKey(" + type + ")";
    }
}
