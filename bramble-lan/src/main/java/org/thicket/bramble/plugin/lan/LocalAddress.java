package org.thicket.bramble.plugin.lan;

import java.net.InetAddress;
import java.util.Objects;

/** An address of one of this device's network interfaces, with the length of its network prefix. */
record LocalAddress(InetAddress address, int prefixLength) {

    LocalAddress {
        Objects.requireNonNull(address);
        int bits = address.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("A prefix of " + prefixLength + " bits for a " + bits + "-bit address");
        }
    }

    /** Whether {@code other} is in this address's network: the first {@link #prefixLength} bits agree. */
    boolean sameNetwork(InetAddress other) {
        byte[] ours = address.getAddress();
        byte[] theirs = other.getAddress();
        if (ours.length != theirs.length) return false;
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (ours[i] != theirs[i]) return false;
        }
        int restBits = prefixLength % 8;
        if (restBits == 0) return true;
        int mask = (0xFF << (8 - restBits)) & 0xFF;
        return (ours[fullBytes] & mask) == (theirs[fullBytes] & mask);
    }
}
