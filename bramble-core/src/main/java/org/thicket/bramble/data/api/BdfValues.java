package org.thicket.bramble.data.api;

import java.util.Arrays;
import java.util.Objects;
import org.thicket.bramble.util.FormatException;

/** The BDF value model in one place: which Java types are values, how they compare, and the strict conversions. */
final class BdfValues {

    /** One typed conversion; {@code where} names the element or key for the error message. */
    @FunctionalInterface
    interface Conversion<T> {
        T convert(Object value, String where) throws FormatException;
    }

    private BdfValues() {
    }

    /**
     * Returns the value as stored in a list or dictionary: Integer, Short and Byte widen to Long (the reader's
     * type, so built and decoded values compare equal); anything outside the model is refused here rather
     * than at encoding time, far from the mistake.
     */
    static Object checked(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value == null || value instanceof Boolean || value instanceof Long || value instanceof Double
                || value instanceof String || value instanceof byte[] || value instanceof BdfList
                || value instanceof BdfDictionary) {
            return value;
        }
        throw new IllegalArgumentException("BDF has no type for " + value.getClass().getName());
    }

    static String typeName(Object value) {
        if (value == null) return "NULL";
        if (value instanceof Boolean) return "BOOLEAN";
        if (value instanceof Long) return "INTEGER";
        if (value instanceof Double) return "FLOAT";
        if (value instanceof String) return "STRING";
        if (value instanceof byte[]) return "RAW";
        if (value instanceof BdfList) return "LIST";
        return "DICTIONARY";
    }

    /** Equality as BDF sees it: raws by content, everything else by {@code equals}. */
    static boolean sameValue(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) return Arrays.equals(x, y);
        return Objects.equals(a, b);
    }

    static int valueHash(Object value) {
        return value instanceof byte[] raw ? Arrays.hashCode(raw) : Objects.hashCode(value);
    }

    /** Raws print as their length only: they are often keys or signatures, which must not reach a log. */
    static String describe(Object value) {
        if (value instanceof byte[] raw) return "RAW[" + raw.length + " bytes]";
        if (value instanceof String s) return '"' + s + '"';
        return value == null ? "NULL" : value.toString();
    }

    static boolean toBoolean(Object value, String where) throws FormatException {
        return as(Boolean.class, "BOOLEAN", value, where);
    }

    static long toLong(Object value, String where) throws FormatException {
        return as(Long.class, "INTEGER", value, where);
    }

    static int toInt(Object value, String where) throws FormatException {
        long v = toLong(value, where);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new FormatException(where + ": integer does not fit in 32 bits");
        }
        return (int) v;
    }

    static double toDouble(Object value, String where) throws FormatException {
        return as(Double.class, "FLOAT", value, where);
    }

    static String toText(Object value, String where, int maxBytes) throws FormatException {
        String s = as(String.class, "STRING", value, where);
        int bytes = utf8Length(s);
        if (bytes > maxBytes) {
            throw new FormatException(where + ": string of " + bytes + " UTF-8 bytes is longer than " + maxBytes);
        }
        return s;
    }

    static byte[] toRaw(Object value, String where, int minLength, int maxLength) throws FormatException {
        byte[] raw = as(byte[].class, "RAW", value, where);
        if (raw.length < minLength || raw.length > maxLength) {
            String expected = minLength == maxLength ? "exactly " + minLength : "at most " + maxLength;
            throw new FormatException(where + ": raw of " + raw.length + " bytes, expected " + expected);
        }
        return raw;
    }

    static BdfList toList(Object value, String where) throws FormatException {
        return as(BdfList.class, "LIST", value, where);
    }

    static BdfDictionary toDictionary(Object value, String where) throws FormatException {
        return as(BdfDictionary.class, "DICTIONARY", value, where);
    }

    /** Bytes in the UTF-8 form, counted without encoding; a lone surrogate (which no writer accepts) counts 3. */
    static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static <T> T as(Class<T> type, String typeName, Object value, String where) throws FormatException {
        if (!type.isInstance(value)) {
            throw new FormatException(where + ": expected " + typeName + ", found " + typeName(value));
        }
        return type.cast(value);
    }
}
