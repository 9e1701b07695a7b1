package org.thicket.bramble.util;

import java.util.Arrays;

/** Byte-array helpers shared by every layer: big-endian integers, unsigned order, hex, wiping. */
public final class Bytes {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Bytes() {
    }

    public static byte[] uint16(int value) {
        if (value < 0 || value > 0xFFFF) throw new IllegalArgumentException("Not a uint16: " + value);
        return new byte[] {(byte) (value >>> 8), (byte) value};
    }

    public static byte[] uint32(long value) {
        if (value < 0 || value > 0xFFFFFFFFL) throw new IllegalArgumentException("Not a uint32: " + value);
        byte[] b = new byte[4];
        writeUint32(value, b, 0);
        return b;
    }

    public static byte[] int64(long value) {
        byte[] b = new byte[8];
        writeInt64(value, b, 0);
        return b;
    }

    public static void writeUint16(int value, byte[] b, int off) {
        b[off] = (byte) (value >>> 8);
        b[off + 1] = (byte) value;
    }

    public static void writeUint32(long value, byte[] b, int off) {
        b[off] = (byte) (value >>> 24);
        b[off + 1] = (byte) (value >>> 16);
        b[off + 2] = (byte) (value >>> 8);
        b[off + 3] = (byte) value;
    }

    public static void writeInt64(long value, byte[] b, int off) {
        for (int i = 7; i >= 0; i--) {
            b[off + i] = (byte) value;
            value >>>= 8;
        }
    }

    public static int readUint16(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    public static long readUint32(byte[] b, int off) {
        return ((b[off] & 0xFFL) << 24) | ((b[off + 1] & 0xFFL) << 16)
                | ((b[off + 2] & 0xFFL) << 8) | (b[off + 3] & 0xFFL);
    }

    public static long readInt64(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) v = (v << 8) | (b[off + i] & 0xFF);
        return v;
    }

    /** Unsigned lexicographic order, the order that decides Alice and Bob everywhere. */
    public static int compareUnsigned(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    public static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) length += p.length;
        byte[] out = new byte[length];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, off, p.length);
            off += p.length;
        }
        return out;
    }

    public static String toHex(byte[] b) {
        char[] out = new char[b.length * 2];
        for (int i = 0; i < b.length; i++) {
            out[2 * i] = HEX[(b[i] >>> 4) & 0xF];
            out[2 * i + 1] = HEX[b[i] & 0xF];
        }
        return new String(out);
    }

    public static byte[] fromHex(String hex) {
        if (hex.length() % 2 != 0) throw new IllegalArgumentException("Odd-length hex string");
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(hex.charAt(2 * i), 16);
            int lo = Character.digit(hex.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) throw new IllegalArgumentException("Not a hex string");
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /** Overwrites a secret so it does not linger on the heap. Null-safe for use in finally blocks. */
    public static void wipe(byte[] secret) {
        if (secret != null) Arrays.fill(secret, (byte) 0);
    }

    public static void wipe(char[] secret) {
        if (secret != null) Arrays.fill(secret, '\0');
    }
}
