package org.thicket.bramble.data;

/**
 * The type codes of specs/bdf.md. The sized families share a high nibble and put their width in bytes in the
 * low nibble: INT_16 is {@code INT | 2}, STRING_32 is {@code STRING | 4}.
 */
final class BdfTypes {

    static final int NULL = 0x00;
    static final int FALSE = 0x10;
    static final int TRUE = 0x11;
    static final int INT = 0x20;
    static final int FLOAT_64 = 0x38;
    static final int STRING = 0x40;
    static final int RAW = 0x50;
    static final int LIST = 0x60;
    static final int DICTIONARY = 0x70;
    static final int END = 0x80;

    static final long CANONICAL_NAN_BITS = 0x7ff8000000000000L;

    private BdfTypes() {
    }

    /** The fewest bytes (1, 2, 4 or 8) that hold the value as a signed big-endian integer. */
    static int minimalWidth(long value) {
        if (value == (byte) value) return 1;
        if (value == (short) value) return 2;
        if (value == (int) value) return 4;
        return 8;
    }

    /** The width of INT_n, STRING_n and RAW_n codes; 0 for every other code. */
    static int width(int code) {
        int family = code & 0xF0;
        int width = code & 0x0F;
        boolean sized = family == INT || family == STRING || family == RAW;
        boolean legalWidth = width == 1 || width == 2 || width == 4 || (width == 8 && family == INT);
        return sized && legalWidth ? width : 0;
    }
}
