package org.thicket.bramble.sync.api;

import java.util.Arrays;
import org.thicket.bramble.util.Bytes;

/**
 * PRIORITY (type 5): a random nonce sent on outgoing connections, so that when both peers connect to each other at
 * once they can agree which connection to keep: both keep the one with the higher nonce, compared as unsigned
 * big-endian numbers (specs/connections.md).
 */
public final class Priority implements SyncRecord, Comparable<Priority> {

    private final byte[] nonce;

    public Priority(byte[] nonce) {
        if (nonce.length != SyncConstants.PRIORITY_NONCE_BYTES) {
            throw new IllegalArgumentException("A priority nonce is " + SyncConstants.PRIORITY_NONCE_BYTES
                    + " bytes, not " + nonce.length);
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
        return o instanceof Priority p && Arrays.equals(p.nonce, nonce);
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
