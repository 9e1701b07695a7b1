package org.thicket.bramble.util;

import java.util.Arrays;

/** A 32-byte identifier (a hash). Subclasses give each kind of ID its own type so they cannot be mixed up. */
public abstract class UniqueId implements Comparable<UniqueId> {

    public static final int LENGTH = 32;

    private final byte[] id;

    protected UniqueId(byte[] id) {
        if (id.length != LENGTH) throw new IllegalArgumentException("An ID is " + LENGTH + " bytes, not " + id.length);
        this.id = id.clone();
    }

    public byte[] getBytes() {
        return id.clone();
    }

    @Override
    public int compareTo(UniqueId other) {
        return Bytes.compareUnsigned(id, other.id);
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && Arrays.equals(id, ((UniqueId) o).id);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(id);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + Bytes.toHex(id) + ")";
    }
}
