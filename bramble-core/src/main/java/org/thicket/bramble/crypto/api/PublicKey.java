package org.thicket.bramble.crypto.api;

import java.util.Arrays;

/** A 32-byte Ed25519 or X25519 public key in its raw RFC 8032 / RFC 7748 encoding. */
public final class PublicKey {

    public static final int LENGTH = 32;

    private final KeyType type;
    private final byte[] encoded;

    public PublicKey(KeyType type, byte[] encoded) {
        if (encoded.length != LENGTH) throw new IllegalArgumentException("A public key is 32 bytes");
        this.type = type;
        this.encoded = encoded.clone();
    }

    public KeyType getType() {
        return type;
    }

    public byte[] getEncoded() {
        return encoded.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKey k && k.type == type && Arrays.equals(k.encoded, encoded);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Arrays.hashCode(encoded);
    }
}
