package org.thicket.bramble.connection.api;

import java.util.Arrays;
import org.thicket.bramble.util.Bytes;

/**
 * The 16 random bytes the connecting side of a duplex connection sends in its BSP PRIORITY record. When a contact
 * has two connections over one transport, both peers keep the one with the higher priority, comparing the nonces as
 * unsigned big-endian numbers (specs/connections.md).
 */
public final class Priority implements Comparable<Priority> {

    public static final int NONCE_BYTES = 16;

    private final byte[] nonce;

    public Priority(byte[] nonce) {
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("A priority nonce is " + NONCE_BYTES + " bytes, not " + nonce.length);
        }
        this.nonce = nonce.clone();
    }

    public byte[] getNonce() {
        return nonce.clone();
    }

    /** Unsigned lexicographic order of the nonces. */
    @Override
    public int compareTo(Priority other) {
        return Bytes.compareUnsigned(nonce, other.nonce);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Priority other && Arrays.equals(nonce, other.nonce);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(nonce);
    }

    @Override
    public String toString() {
        return "Priority(" + Bytes.toHex(nonce) + ")";
    }
}
