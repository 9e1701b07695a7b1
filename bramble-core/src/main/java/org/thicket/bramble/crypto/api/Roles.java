package org.thicket.bramble.crypto.api;

import org.thicket.bramble.util.Bytes;

/**
 * Who plays Alice in a two-party protocol: the party whose public key (or ID, or commitment) is smaller in
 * unsigned lexicographic order. Both sides compute the same answer without exchanging anything.
 */
public final class Roles {

    private Roles() {
    }

    /**
     * @param ours our public key, ID or commitment
     * @param theirs the peer's value of the same kind and length
     * @throws IllegalArgumentException if the values differ in length or are equal (then no roles exist: the
     *         peer is ourselves or replays our own value)
     */
    public static boolean isAlice(byte[] ours, byte[] theirs) {
        if (ours.length != theirs.length) throw new IllegalArgumentException("Values of different lengths");
        int order = Bytes.compareUnsigned(ours, theirs);
        if (order == 0) throw new IllegalArgumentException("Equal values: no Alice and Bob");
        return order < 0;
    }
}
