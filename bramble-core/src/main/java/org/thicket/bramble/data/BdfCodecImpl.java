package org.thicket.bramble.data;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.thicket.bramble.data.api.BdfCodec;
import org.thicket.bramble.data.api.BdfDictionary;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.data.api.BdfReader;
import org.thicket.bramble.data.api.BdfWriter;
import org.thicket.bramble.util.FormatException;

/** Immutable: the only setting is the length limit, and each reader or writer it creates is new. */
final class BdfCodecImpl implements BdfCodec {

    @FunctionalInterface
    private interface Read<T> {
        T from(BdfReader reader) throws IOException;
    }

    private final int maxLength;

    BdfCodecImpl(int maxLength) {
        if (maxLength < 0) throw new IllegalArgumentException("Negative length limit " + maxLength);
        this.maxLength = maxLength;
    }

    @Override
    public int getMaxLength() {
        return maxLength;
    }

    @Override
    public BdfCodec withMaxLength(int maxLength) {
        return new BdfCodecImpl(maxLength);
    }

    @Override
    public byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            createWriter(out).write(value);
        } catch (IOException e) {
            throw new UncheckedIOException("A byte array stream cannot fail", e);
        }
        return out.toByteArray();
    }

    @Override
    public Object decode(byte[] encoded) throws FormatException {
        return decodeWhole(encoded, BdfReader::readValue);
    }

    @Override
    public BdfList decodeList(byte[] encoded) throws FormatException {
        return decodeWhole(encoded, BdfReader::readList);
    }

    @Override
    public BdfDictionary decodeDictionary(byte[] encoded) throws FormatException {
        return decodeWhole(encoded, BdfReader::readDictionary);
    }

    @Override
    public BdfReader createReader(InputStream in) {
        return new BdfReaderImpl(in, maxLength);
    }

    @Override
    public BdfWriter createWriter(OutputStream out) {
        return new BdfWriterImpl(out);
    }

    private <T> T decodeWhole(byte[] encoded, Read<T> read) throws FormatException {
        BdfReader reader = createReader(new ByteArrayInputStream(encoded));
        try {
            T value = read.from(reader);
            if (!reader.eof()) throw new FormatException("Trailing bytes after the value");
            return value;
        } catch (FormatException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("A byte array stream cannot fail", e);
        }
    }
}
