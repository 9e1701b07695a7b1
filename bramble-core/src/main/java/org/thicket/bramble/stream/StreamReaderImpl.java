package org.thicket.bramble.stream;

import static org.thicket.bramble.crypto.api.AuthenticatedCipher.MAC_LENGTH;
import static org.thicket.bramble.crypto.api.AuthenticatedCipher.NONCE_LENGTH;
import static org.thicket.bramble.stream.BtpFormat.FINAL_FLAG;
import static org.thicket.bramble.stream.BtpFormat.FRAME_KEY_OFFSET;
import static org.thicket.bramble.stream.BtpFormat.PAYLOAD_LENGTH_MASK;
import static org.thicket.bramble.stream.BtpFormat.SEALED_STREAM_HEADER_OFFSET;
import static org.thicket.bramble.stream.BtpFormat.STREAM_NUMBER_OFFSET;
import static org.thicket.bramble.stream.BtpFormat.VERSION_OFFSET;
import static org.thicket.bramble.stream.api.StreamConstants.FRAME_HEADER_LENGTH;
import static org.thicket.bramble.stream.api.StreamConstants.FRAME_HEADER_PLAINTEXT_LENGTH;
import static org.thicket.bramble.stream.api.StreamConstants.MAX_FRAME_LENGTH;
import static org.thicket.bramble.stream.api.StreamConstants.MAX_PAYLOAD_LENGTH;
import static org.thicket.bramble.stream.api.StreamConstants.PROTOCOL_VERSION;
import static org.thicket.bramble.stream.api.StreamConstants.STREAM_HEADER_LENGTH;
import static org.thicket.bramble.stream.api.StreamConstants.STREAM_HEADER_PLAINTEXT_LENGTH;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import org.thicket.bramble.crypto.api.AuthenticatedCipher;
import org.thicket.bramble.crypto.api.DecryptionException;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.util.Bytes;
import org.thicket.bramble.util.FormatException;

/**
 * Reads one frame at a time into a frame-sized buffer and opens it in place; the payload is served from there.
 * The reader asks the underlying stream for exactly the bytes of the next header or frame, never more, so the
 * bytes after the final frame stay unread. Contract in {@link org.thicket.bramble.stream.api.StreamReaderFactory}.
 */
final class StreamReaderImpl extends InputStream {

    private final InputStream in;
    private final AuthenticatedCipher cipher;
    private final SecretKey headerKey;
    private final long streamNumber;
    /** Sized for the largest sealed payload; the stream header and frame headers are shorter. */
    private final byte[] frame = new byte[MAX_FRAME_LENGTH - FRAME_HEADER_LENGTH];
    private final byte[] headerPlaintext = new byte[FRAME_HEADER_PLAINTEXT_LENGTH];
    private final byte[] headerNonce = new byte[NONCE_LENGTH];
    private final byte[] payloadNonce = new byte[NONCE_LENGTH];
    /** Null until the stream header has been read. */
    private SecretKey frameKey;
    private long frameNumber;
    private int position;
    private int payloadEnd;
    private boolean finalFrameRead;
    private IOException failure;
    private boolean closed;

    StreamReaderImpl(InputStream in, AuthenticatedCipher cipher, SecretKey headerKey, long streamNumber) {
        this.in = in;
        this.cipher = cipher;
        this.headerKey = headerKey;
        this.streamNumber = streamNumber;
    }

    @Override
    public int read() throws IOException {
        if (!havePayload()) return -1;
        return frame[position++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) return 0;
        if (!havePayload()) return -1;
        int n = Math.min(len, payloadEnd - position);
        System.arraycopy(frame, position, b, off, n);
        position += n;
        return n;
    }

    /** The payload bytes already authenticated and not yet read; reading them does not block. */
    @Override
    public int available() {
        return payloadEnd - position;
    }

    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        if (frameKey != null) frameKey.wipe();
        Arrays.fill(frame, (byte) 0);
        position = payloadEnd = 0;
        in.close();
    }

    /** Reads frames until one has payload; false at the end of the stream. Any failure ends the stream for good. */
    private boolean havePayload() throws IOException {
        if (closed) throw new IOException("The stream reader is closed");
        if (failure != null) throw new IOException("The stream failed earlier: " + failure.getMessage(), failure);
        try {
            if (frameKey == null) readStreamHeader();
            while (position == payloadEnd) {
                if (finalFrameRead) return false;
                readFrame();
            }
            return true;
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    private void readStreamHeader() throws IOException {
        readFully(STREAM_HEADER_LENGTH, "the stream header");
        byte[] nonce = Arrays.copyOf(frame, SEALED_STREAM_HEADER_OFFSET);
        byte[] plaintext = new byte[STREAM_HEADER_PLAINTEXT_LENGTH];
        try {
            open(headerKey, nonce, SEALED_STREAM_HEADER_OFFSET, STREAM_HEADER_LENGTH - SEALED_STREAM_HEADER_OFFSET,
                    plaintext, "stream header");
            int version = Bytes.readUint16(plaintext, VERSION_OFFSET);
            if (version != PROTOCOL_VERSION) {
                throw new FormatException("Stream header of BTP version " + version + ", not " + PROTOCOL_VERSION);
            }
            long number = Bytes.readInt64(plaintext, STREAM_NUMBER_OFFSET);
            if (number != streamNumber) {
                throw new FormatException("Stream header of stream number " + Long.toUnsignedString(number)
                        + ", expected " + streamNumber);
            }
            frameKey = new SecretKey(Arrays.copyOfRange(plaintext, FRAME_KEY_OFFSET, STREAM_HEADER_PLAINTEXT_LENGTH));
        } finally {
            Bytes.wipe(plaintext);
        }
    }

    private void readFrame() throws IOException {
        readFully(FRAME_HEADER_LENGTH, "a frame header");
        BtpFormat.setFrameNonce(headerNonce, frameNumber, true);
        open(frameKey, headerNonce, 0, FRAME_HEADER_LENGTH, headerPlaintext, "frame header");
        int lengthField = Bytes.readUint16(headerPlaintext, 0);
        int payloadLength = lengthField & PAYLOAD_LENGTH_MASK;
        int paddingLength = Bytes.readUint16(headerPlaintext, 2);
        if (payloadLength + paddingLength > MAX_PAYLOAD_LENGTH) {
            throw new FormatException("Frame of " + payloadLength + " payload and " + paddingLength
                    + " padding bytes, over the limit of " + MAX_PAYLOAD_LENGTH);
        }
        int sealedLength = MAC_LENGTH + payloadLength + paddingLength;
        readFully(sealedLength, "a frame");
        BtpFormat.setFrameNonce(payloadNonce, frameNumber, false);
        open(frameKey, payloadNonce, 0, sealedLength, frame, "frame payload");
        checkPaddingIsZero(payloadLength, paddingLength);
        position = 0;
        payloadEnd = payloadLength;
        frameNumber++;
        finalFrameRead = (lengthField & FINAL_FLAG) != 0;
        if (finalFrameRead) frameKey.wipe();
    }

    /** Opens {@code frame[offset .. offset + length)} into the start of {@code output}. */
    private void open(SecretKey key, byte[] nonce, int offset, int length, byte[] output, String what)
            throws FormatException {
        try {
            cipher.decrypt(key, nonce, frame, offset, length, output, 0);
        } catch (DecryptionException e) {
            throw new FormatException("The " + what + " does not authenticate", e);
        }
    }

    private void checkPaddingIsZero(int offset, int length) throws FormatException {
        int bits = 0;
        for (int i = offset; i < offset + length; i++) bits |= frame[i];
        if (bits != 0) throw new FormatException("Non-zero padding");
    }

    /** Fills {@code frame[0 .. length)}; the stream may end only after the final frame. */
    private void readFully(int length, String what) throws IOException {
        int read = in.readNBytes(frame, 0, length);
        if (read < length) {
            throw new FormatException("The stream was truncated: it ended after " + read + " of the " + length
                    + " bytes of " + what);
        }
    }
}
