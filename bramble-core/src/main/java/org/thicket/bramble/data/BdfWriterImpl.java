package org.thicket.bramble.data;

import static org.thicket.bramble.data.BdfTypes.DICTIONARY;
import static org.thicket.bramble.data.BdfTypes.END;
import static org.thicket.bramble.data.BdfTypes.FALSE;
import static org.thicket.bramble.data.BdfTypes.FLOAT_64;
import static org.thicket.bramble.data.BdfTypes.INT;
import static org.thicket.bramble.data.BdfTypes.LIST;
import static org.thicket.bramble.data.BdfTypes.NULL;
import static org.thicket.bramble.data.BdfTypes.RAW;
import static org.thicket.bramble.data.BdfTypes.STRING;
import static org.thicket.bramble.data.BdfTypes.TRUE;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.thicket.bramble.data.api.BdfCodec;
import org.thicket.bramble.data.api.BdfDictionary;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.data.api.BdfWriter;

/** The writer of specs/bdf.md: minimal widths, sorted keys (a BdfDictionary iterates sorted), canonical NaN. */
final class BdfWriterImpl implements BdfWriter {

    private final OutputStream out;
    // getBytes(UTF_8) would turn a lone surrogate into '?', silently writing a different string.
    private final CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    BdfWriterImpl(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(Object value) throws IOException {
        write(value, 0);
    }

    /** Writes {@code value}, which sits inside {@code enclosing} containers. */
    private void write(Object value, int enclosing) throws IOException {
        if (value == null) {
            out.write(NULL);
        } else if (value instanceof Boolean b) {
            out.write(b ? TRUE : FALSE);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            writeSized(INT, ((Number) value).longValue());
        } else if (value instanceof Double d) {
            out.write(FLOAT_64);
            writeSigned(Double.doubleToLongBits(d), 8); // doubleToLongBits collapses every NaN to 7ff8...
        } else if (value instanceof String s) {
            writeString(s);
        } else if (value instanceof byte[] raw) {
            writeSized(RAW, raw.length);
            out.write(raw);
        } else if (value instanceof BdfList list) {
            writeList(list, enclosing + 1);
        } else if (value instanceof BdfDictionary dictionary) {
            writeDictionary(dictionary, enclosing + 1);
        } else {
            throw new IllegalArgumentException("BDF has no type for " + value.getClass().getName());
        }
    }

    private void writeString(String s) throws IOException {
        ByteBuffer utf8Bytes;
        try {
            utf8Bytes = utf8.encode(CharBuffer.wrap(s));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("String has no UTF-8 form (lone surrogate)", e);
        }
        writeSized(STRING, utf8Bytes.remaining());
        out.write(utf8Bytes.array(), utf8Bytes.arrayOffset() + utf8Bytes.position(), utf8Bytes.remaining());
    }

    private void writeList(BdfList list, int level) throws IOException {
        checkNesting(level);
        out.write(LIST);
        for (Object item : list) write(item, level);
        out.write(END);
    }

    private void writeDictionary(BdfDictionary dictionary, int level) throws IOException {
        checkNesting(level);
        out.write(DICTIONARY);
        for (Map.Entry<String, Object> entry : dictionary.entrySet()) {
            writeString(entry.getKey());
            write(entry.getValue(), level);
        }
        out.write(END);
    }

    private static void checkNesting(int level) {
        if (level > BdfCodec.MAX_NESTING) {
            throw new IllegalArgumentException("Nesting deeper than " + BdfCodec.MAX_NESTING + " levels (or a cycle)");
        }
    }

    /** An INT_n with the value, or the header of a STRING_n or RAW_n with the length, in the fewest bytes. */
    private void writeSized(int family, long value) throws IOException {
        int width = BdfTypes.minimalWidth(value);
        out.write(family | width);
        writeSigned(value, width);
    }

    private void writeSigned(long value, int width) throws IOException {
        for (int shift = 8 * (width - 1); shift >= 0; shift -= 8) out.write((int) (value >>> shift));
    }
}
