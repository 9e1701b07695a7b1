package org.thicket.bramble.transport;

import java.util.Arrays;
import org.thicket.bramble.stream.api.TagEncoder;

/** A 16-byte stream tag as a hash-map key. */
final class Tag {

    private final byte[] bytes;

    Tag(byte[] bytes) {
        if (bytes.length != TagEncoder.TAG_LENGTH) {
            throw new IllegalArgumentException("A tag is " + TagEncoder.TAG_LENGTH + " bytes, not " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tag t && Arrays.equals(t.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
