package org.thicket.bramble.data;

import static org.thicket.bramble.data.BdfTypes.DICTIONARY;
import static org.thicket.bramble.data.BdfTypes.END;
import static org.thicket.bramble.data.BdfTypes.FALSE;
import static org.thicket.bramble.data.BdfTypes.FLOAT_64;
import static org.thicket.bramble.data.BdfTypes.INT;
import static org.thicket.bramble.data.BdfTypes.LIST;
import static org.thicket.bramble.data.BdfTypes.NULL;
import static org.thicket.bramble.data.BdfTypes.STRING;
import static org.thicket.bramble.data.BdfTypes.TRUE;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.thicket.bramble.data.api.BdfCodec;
import org.thicket.bramble.data.api.BdfDictionary;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.data.api.BdfReader;
import org.thicket.bramble.util.FormatException;

/** The canonical reader of specs/bdf.md; it checks each rule before it reads, let alone allocates, any further. */
final class BdfReaderImpl implements BdfReader {

    private static final int NOTHING_PEEKED = -2;

    private final InputStream in;
    private final int maxLength;
    // String(bytes, UTF_8) would silently replace malformed input, and that is a second encoding of the value.
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] integer = new byte[8];
    private int peeked = NOTHING_PEEKED;

    BdfReaderImpl(InputStream in, int maxLength) {
        this.in = in;
        this.maxLength = maxLength;
    }

    @Override
    public boolean eof() throws IOException {
        return peek() == -1;
    }

    @Override
    public Object readValue() throws IOException {
        return readValue(nextCode(), 0);
    }

    @Override
    public BdfList readList() throws IOException {
        expectNext(LIST, "LIST");
        return (BdfList) readValue();
    }

    @Override
    public BdfDictionary readDictionary() throws IOException {
        expectNext(DICTIONARY, "DICTIONARY");
        return (BdfDictionary) readValue();
    }

    /** Reads the value that starts with {@code code} inside {@code enclosing} containers. */
    private Object readValue(int code, int enclosing) throws IOException {
        if (code == NULL) return null;
        if (code == FALSE || code == TRUE) return code == TRUE;
        if (code == FLOAT_64) return readFloat();
        if (code == LIST) return readList(enclosing + 1);
        if (code == DICTIONARY) return readDictionary(enclosing + 1);
        if (code == END) throw new FormatException("Unexpected END where a value was expected");
        int width = BdfTypes.width(code);
        if (width == 0) throw new FormatException(String.format("Unknown type code 0x%02x", code));
        return switch (code & 0xF0) {
            case INT -> readInteger(width);
            case STRING -> readString(width);
            default -> readRaw(width);
        };
    }

    private long readInteger(int width) throws IOException {
        long value = readSigned(width);
        if (BdfTypes.minimalWidth(value) != width) {
            throw new FormatException("Non-minimal integer: " + width + "-byte form of a value that fits in fewer");
        }
        return value;
    }

    private double readFloat() throws IOException {
        long bits = readSigned(8);
        double value = Double.longBitsToDouble(bits);
        // Writers send every NaN as the one canonical pattern, so any other NaN is a second encoding.
        if (Double.isNaN(value) && bits != BdfTypes.CANONICAL_NAN_BITS) {
            throw new FormatException("Non-canonical NaN: only 7ff8000000000000 encodes NaN");
        }
        return value;
    }

    private String readString(int lengthWidth) throws IOException {
        byte[] utf8Bytes = readBytes(readLength(lengthWidth));
        try {
            return utf8.decode(ByteBuffer.wrap(utf8Bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new FormatException("Invalid UTF-8 in a string", e);
        }
    }

    private byte[] readRaw(int lengthWidth) throws IOException {
        return readBytes(readLength(lengthWidth));
    }

    private int readLength(int width) throws IOException {
        long length = readSigned(width);
        if (length < 0) throw new FormatException("Negative length " + length);
        if (BdfTypes.minimalWidth(length) != width) {
            throw new FormatException("Non-minimal length: " + width + "-byte length field for " + length + " bytes");
        }
        if (length > maxLength) {
            throw new FormatException("Length " + length + " exceeds the limit of " + maxLength + " bytes");
        }
        return (int) length;
    }

    private BdfList readList(int level) throws IOException {
        checkNesting(level);
        BdfList list = new BdfList();
        for (int code = nextCode(); code != END; code = nextCode()) list.add(readValue(code, level));
        return list;
    }

    private BdfDictionary readDictionary(int level) throws IOException {
        checkNesting(level);
        BdfDictionary dictionary = new BdfDictionary();
        String previous = null;
        for (int code = nextCode(); code != END; code = nextCode()) {
            int keyLengthWidth = (code & 0xF0) == STRING ? BdfTypes.width(code) : 0;
            if (keyLengthWidth == 0) {
                throw new FormatException(String.format("Dictionary key must be a STRING, found type code 0x%02x", code));
            }
            String key = readString(keyLengthWidth);
            checkKeyOrder(previous, key);
            dictionary.put(key, readValue(nextCode(), level));
            previous = key;
        }
        return dictionary;
    }

    private static void checkNesting(int level) throws FormatException {
        if (level > BdfCodec.MAX_NESTING) {
            throw new FormatException("Nesting deeper than " + BdfCodec.MAX_NESTING + " levels");
        }
    }

    private static void checkKeyOrder(String previous, String key) throws FormatException {
        if (previous == null) return;
        int order = key.compareTo(previous);
        if (order == 0) throw new FormatException("Duplicate dictionary key");
        if (order < 0) throw new FormatException("Dictionary keys out of order");
    }

    private void expectNext(int code, String typeName) throws IOException {
        int next = peek();
        if (next == -1) throw truncated();
        if (next != code) throw new FormatException(String.format("Expected a %s, found type code 0x%02x", typeName, next));
    }

    private int peek() throws IOException {
        if (peeked == NOTHING_PEEKED) peeked = in.read();
        return peeked;
    }

    private int nextCode() throws IOException {
        int code = peek();
        if (code == -1) throw truncated();
        peeked = NOTHING_PEEKED;
        return code;
    }

    private long readSigned(int width) throws IOException {
        if (in.readNBytes(integer, 0, width) < width) throw truncated();
        long value = 0;
        for (int i = 0; i < width; i++) value = (value << 8) | (integer[i] & 0xFF);
        int unused = 64 - 8 * width;
        return (value << unused) >> unused;
    }

    /** Only called with a length already checked against the limit; the stream supplies the bytes in chunks. */
    private byte[] readBytes(int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) throw truncated();
        return bytes;
    }

    private static FormatException truncated() {
        return new FormatException("Unexpected end of input");
    }
}
