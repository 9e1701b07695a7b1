package org.thicket.messenger.qr.api;

import java.util.BitSet;

/**
 * The modules of one QR code, without its quiet zone: {@code size} by {@code size}, dark or light. Immutable.
 */
public final class QrCode {

    private final int size;
    private final BitSet dark;

    /** @param dark module (x, y) is dark if bit {@code y * size + x} is set; copied */
    public QrCode(int size, BitSet dark) {
        if (size < 21 || size > 177 || (size - 17) % 4 != 0) {
            throw new IllegalArgumentException("Not the size of a QR code: " + size);
        }
        if (dark.length() > size * size) throw new IllegalArgumentException("Modules outside the code");
        this.size = size;
        this.dark = (BitSet) dark.clone();
    }

    /** Modules per side: 21 for version 1, up to 177 for version 40. */
    public int size() {
        return size;
    }

    public boolean isDark(int x, int y) {
        if (x < 0 || y < 0 || x >= size || y >= size) throw new IndexOutOfBoundsException(x + "," + y);
        return dark.get(y * size + x);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QrCode q && q.size == size && q.dark.equals(dark);
    }

    @Override
    public int hashCode() {
        return 31 * size + dark.hashCode();
    }
}
