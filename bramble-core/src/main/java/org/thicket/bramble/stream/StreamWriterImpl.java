package org.thicket.bramble.stream;

import static org.thicket.bramble.crypto.api.AuthenticatedCipher.NONCE_LENGTH;
import static org.thicket.bramble.stream.BtpFormat.FINAL_FLAG;
import static org.thicket.bramble.stream.BtpFormat.FRAME_KEY_OFFSET;
import static org.thicket.bramble.stream.BtpFormat.PAYLOAD_OFFSET;
import static org.thicket.bramble.stream.BtpFormat.SEALED_STREAM_HEADER_OFFSET;
import static org.thicket.bramble.stream.BtpFormat.STREAM_NUMBER_OFFSET;
import static org.thicket.bramble.stream.BtpFormat.VERSION_OFFSET;
import static org.thicket.bramble.stream.api.StreamConstants.FRAME_HEADER_LENGTH;
import static org.thicket.bramble.stream.api.StreamConstants.FRAME_HEADER_PLAINTEXT_LENGTH;
import static org.thicket.bramble.stream.api.StreamConstants.MAX_FRAME_LENGTH;
import static org.thicket.bramble.stream.api.StreamConstants.MAX_PAYLOAD_LENGTH;
import static org.thicket.bramble.stream.api.StreamConstants.PROTOCOL_VERSION;
import static org.thicket.bramble.stream.api.StreamConstants.STREAM_HEADER_LENGTH;
import static org.thicket.bramble.stream.api.StreamConstants.STREAM_HEADER_NONCE_LENGTH;
import static org.thicket.bramble.stream.api.StreamConstants.STREAM_HEADER_PLAINTEXT_LENGTH;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;
import org.thicket.bramble.crypto.api.AuthenticatedCipher;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.stream.api.FramePadding;
import org.thicket.bramble.stream.api.StreamWriter;
import org.thicket.bramble.util.Bytes;

/**
 * Collects plaintext in one frame-sized buffer laid out as the frame will go out (sealed header, payload MAC,
 * payload, padding) and seals it in place, so a frame costs two cipher calls and one write, with no allocation here
 * and no copy beyond taking the caller's bytes; a whole frame's worth written at once is sealed straight from the
 * caller's array.
 */
final class StreamWriterImpl extends OutputStream implements StreamWriter {

    private final OutputStream out;
    private final AuthenticatedCipher cipher;
    private final FramePadding padding;
    private final SecretKey frameKey;
    private final byte[] frame = new byte[MAX_FRAME_LENGTH];
    private final byte[] headerPlaintext = new byte[FRAME_HEADER_PLAINTEXT_LENGTH];
    private final byte[] headerNonce = new byte[NONCE_LENGTH];
    private final byte[] payloadNonce = new byte[NONCE_LENGTH];
    /** Tag and stream header, sent before the first frame; null once sent. */
    private byte[] streamPrefix;
    private int pending;
    private long frameNumber;
    private boolean ended;
    private boolean closed;

    /**
     * @param tag the stream's tag, or an empty array for a stream without one (contact exchange)
     * @param streamHeaderNonce the stream header's nonce: fresh random bytes, fixed only in known-answer tests
     * @param frameKey the stream's frame key: fresh random bytes, fixed only in known-answer tests; copied, so the
     *     caller wipes its array
     */
    StreamWriterImpl(OutputStream out, AuthenticatedCipher cipher, FramePadding padding, byte[] tag,
            SecretKey headerKey, long streamNumber, byte[] streamHeaderNonce, byte[] frameKey) {
        if (streamHeaderNonce.length != STREAM_HEADER_NONCE_LENGTH) {
            throw new IllegalArgumentException("The stream header nonce is 24 bytes");
        }
        this.out = out;
        this.cipher = cipher;
        this.padding = padding;
        this.frameKey = new SecretKey(frameKey);
        streamPrefix = new byte[tag.length + STREAM_HEADER_LENGTH];
        System.arraycopy(tag, 0, streamPrefix, 0, tag.length);
        System.arraycopy(streamHeaderNonce, 0, streamPrefix, tag.length, STREAM_HEADER_NONCE_LENGTH);
        byte[] plaintext = new byte[STREAM_HEADER_PLAINTEXT_LENGTH];
        try {
            Bytes.writeUint16(PROTOCOL_VERSION, plaintext, VERSION_OFFSET);
            Bytes.writeInt64(streamNumber, plaintext, STREAM_NUMBER_OFFSET);
            System.arraycopy(frameKey, 0, plaintext, FRAME_KEY_OFFSET, SecretKey.LENGTH);
            cipher.encrypt(headerKey, streamHeaderNonce, plaintext, 0, plaintext.length,
                    streamPrefix, tag.length + SEALED_STREAM_HEADER_OFFSET);
        } finally {
            Bytes.wipe(plaintext);
        }
    }

    @Override
    public OutputStream getOutputStream() {
        return this;
    }

    @Override
    public void write(int b) throws IOException {
        checkWritable();
        frame[PAYLOAD_OFFSET + pending++] = (byte) b;
        if (pending == MAX_PAYLOAD_LENGTH) sendPendingFrame(false);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        checkWritable();
        while (len > 0) {
            int taken = pending == 0 && len >= MAX_PAYLOAD_LENGTH ? sendFullFrame(b, off) : takePending(b, off, len);
            off += taken;
            len -= taken;
        }
    }

    /** Sends bytes still pending in a frame, an empty one if there are none: the peer sees activity. */
    @Override
    public void flush() throws IOException {
        if (closed) throw new IOException("The stream writer is closed");
        if (!ended) sendPendingFrame(false);
        out.flush();
    }

    @Override
    public void sendEndOfStream() throws IOException {
        checkWritable();
        sendPendingFrame(true);
        ended = true;
        frameKey.wipe();
        out.flush();
    }

    /** Without a prior {@link #sendEndOfStream()} this aborts the stream: pending plaintext is dropped. */
    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        frameKey.wipe();
        Arrays.fill(frame, (byte) 0);
        out.close();
    }

    private void checkWritable() throws IOException {
        if (closed) throw new IOException("The stream writer is closed");
        if (ended) throw new IOException("The stream has ended");
    }

    private int takePending(byte[] b, int off, int len) throws IOException {
        int taken = Math.min(len, MAX_PAYLOAD_LENGTH - pending);
        System.arraycopy(b, off, frame, PAYLOAD_OFFSET + pending, taken);
        pending += taken;
        if (pending == MAX_PAYLOAD_LENGTH) sendPendingFrame(false);
        return taken;
    }

    private int sendFullFrame(byte[] b, int off) throws IOException {
        sendFrame(b, off, MAX_PAYLOAD_LENGTH, MAX_PAYLOAD_LENGTH, false);
        return MAX_PAYLOAD_LENGTH;
    }

    private void sendPendingFrame(boolean isFinal) throws IOException {
        int payloadLength = pending;
        pending = 0;
        int contentLength = padding.contentLength(payloadLength);
        // The buffer holds the previous frame's ciphertext; padding must be zeros.
        Arrays.fill(frame, PAYLOAD_OFFSET + payloadLength, PAYLOAD_OFFSET + contentLength, (byte) 0);
        sendFrame(frame, PAYLOAD_OFFSET, payloadLength, contentLength, isFinal);
    }

    /** Seals {@code source[offset .. offset + contentLength)}, payload then zero padding, as the next frame. */
    private void sendFrame(byte[] source, int offset, int payloadLength, int contentLength, boolean isFinal)
            throws IOException {
        Bytes.writeUint16(isFinal ? payloadLength | FINAL_FLAG : payloadLength, headerPlaintext, 0);
        Bytes.writeUint16(contentLength - payloadLength, headerPlaintext, 2);
        BtpFormat.setFrameNonce(headerNonce, frameNumber, true);
        BtpFormat.setFrameNonce(payloadNonce, frameNumber, false);
        cipher.encrypt(frameKey, headerNonce, headerPlaintext, 0, FRAME_HEADER_PLAINTEXT_LENGTH, frame, 0);
        int sealedLength = cipher.encrypt(frameKey, payloadNonce, source, offset, contentLength,
                frame, FRAME_HEADER_LENGTH);
        // Counted before writing: if the write fails and the caller carries on, the next frame must not seal
        // other plaintext under these nonces.
        frameNumber++;
        if (streamPrefix != null) {
            out.write(streamPrefix);
            streamPrefix = null;
        }
        out.write(frame, 0, FRAME_HEADER_LENGTH + sealedLength);
    }
}
