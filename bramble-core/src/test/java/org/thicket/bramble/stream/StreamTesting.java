package org.thicket.bramble.stream;

import static org.thicket.bramble.stream.api.StreamConstants.FRAME_HEADER_LENGTH;
import static org.thicket.bramble.stream.api.StreamConstants.FRAME_HEADER_PLAINTEXT_LENGTH;
import static org.thicket.bramble.stream.api.StreamConstants.STREAM_HEADER_LENGTH;

import com.google.inject.Guice;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.thicket.bramble.crypto.CryptoModule;
import org.thicket.bramble.crypto.api.AuthenticatedCipher;
import org.thicket.bramble.crypto.api.DecryptionException;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.stream.api.FramePadding;
import org.thicket.bramble.util.Bytes;

/** Fixed keys, writers with a fixed stream header nonce and frame key, and a reader that records what it got. */
final class StreamTesting {

    static final AuthenticatedCipher CIPHER = Guice.createInjector(new CryptoModule())
            .getInstance(AuthenticatedCipher.class);
    static final SecretKey HEADER_KEY = key(1);
    static final SecretKey TAG_KEY = key(2);
    static final byte[] FRAME_KEY = filled(32, 3);
    static final byte[] STREAM_HEADER_NONCE = filled(24, 4);
    static final long STREAM_NUMBER = 5;

    private StreamTesting() {
    }

    static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    static SecretKey key(int value) {
        return new SecretKey(filled(SecretKey.LENGTH, value));
    }

    /** A writer without a tag (the reader starts after it anyway) and with fixed keys. */
    static StreamWriterImpl fixedWriter(OutputStream out, FramePadding padding) {
        return new StreamWriterImpl(out, CIPHER, padding, new byte[0], HEADER_KEY, STREAM_NUMBER,
                STREAM_HEADER_NONCE, FRAME_KEY);
    }

    static StreamReaderImpl reader(byte[] input) {
        return new StreamReaderImpl(new ByteArrayInputStream(input), CIPHER, HEADER_KEY, STREAM_NUMBER);
    }

    /** What a reader handed out before it ended cleanly (failure null) or failed. */
    record ReadResult(byte[] plaintext, IOException failure) {
    }

    /** Reads to the end or the first failure in chunks of {@code chunk} bytes (1 uses the one-byte read). */
    static ReadResult readAll(InputStream reader, int chunk) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[chunk];
        try {
            while (true) {
                if (chunk == 1) {
                    int b = reader.read();
                    if (b == -1) return new ReadResult(got.toByteArray(), null);
                    got.write(b);
                } else {
                    int n = reader.read(buffer, 0, chunk);
                    if (n == -1) return new ReadResult(got.toByteArray(), null);
                    got.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            return new ReadResult(got.toByteArray(), e);
        }
    }

    /** One frame as found on the wire by {@link #frames}. */
    record FrameInfo(int start, int length, int payloadLength, int paddingLength, boolean isFinal) {
        int end() {
            return start + length;
        }
    }

    /**
     * Walks the frames of a stream (without its tag) sealed under {@link #FRAME_KEY}, opening only the headers, on
     * code of its own rather than the reader's.
     */
    static List<FrameInfo> frames(byte[] stream) throws DecryptionException {
        SecretKey frameKey = new SecretKey(FRAME_KEY);
        List<FrameInfo> frames = new ArrayList<>();
        byte[] header = new byte[FRAME_HEADER_PLAINTEXT_LENGTH];
        int offset = STREAM_HEADER_LENGTH;
        for (long number = 0; offset < stream.length; number++) {
            byte[] nonce = new byte[24];
            Bytes.writeInt64(number, nonce, 0);
            nonce[0] |= (byte) 0x80;
            CIPHER.decrypt(frameKey, nonce, stream, offset, FRAME_HEADER_LENGTH, header, 0);
            int field = Bytes.readUint16(header, 0);
            int padding = Bytes.readUint16(header, 2);
            int length = FRAME_HEADER_LENGTH + 16 + (field & 0x7FFF) + padding;
            frames.add(new FrameInfo(offset, length, field & 0x7FFF, padding, (field & 0x8000) != 0));
            offset += length;
        }
        return frames;
    }
}
