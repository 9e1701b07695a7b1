package org.thicket.bramble.stream;

import static org.thicket.bramble.crypto.api.AuthenticatedCipher.MAC_LENGTH;
import static org.thicket.bramble.stream.api.StreamConstants.FRAME_HEADER_LENGTH;
import static org.thicket.bramble.stream.api.StreamConstants.STREAM_HEADER_NONCE_LENGTH;

import org.thicket.bramble.util.Bytes;

/** Layout details that the writer and the reader share (specs/btp.md). */
final class BtpFormat {

    /** In the first field of a frame header: this is the last frame of the stream. */
    static final int FINAL_FLAG = 0x8000;
    static final int PAYLOAD_LENGTH_MASK = 0x7FFF;

    /** Offsets in the stream header plaintext: uint16 version, uint64 stream number, frame key. */
    static final int VERSION_OFFSET = 0;
    static final int STREAM_NUMBER_OFFSET = 2;
    static final int FRAME_KEY_OFFSET = 10;

    /** Offset of the sealed stream header plaintext within the stream header (after the nonce in clear). */
    static final int SEALED_STREAM_HEADER_OFFSET = STREAM_HEADER_NONCE_LENGTH;

    /** Offset of the payload plaintext in a frame: after the sealed header and the payload's MAC. */
    static final int PAYLOAD_OFFSET = FRAME_HEADER_LENGTH + MAC_LENGTH;

    /** Set in byte 0 of a frame-header nonce, clear in a payload nonce, so the two never coincide. */
    private static final int HEADER_NONCE_FLAG = 0x80;

    private BtpFormat() {
    }

    /**
     * Writes the nonce of frame {@code frameNumber} into bytes 0 to 7 of {@code nonce}; bytes 8 to 23 stay zero.
     * Frame numbers use 63 bits because the top bit marks header nonces, so the counter stops before 2^63 frames
     * rather than wrap into nonces it has used.
     */
    static void setFrameNonce(byte[] nonce, long frameNumber, boolean header) {
        if (frameNumber < 0) throw new IllegalStateException("The stream has used all 2^63 frame numbers");
        Bytes.writeInt64(frameNumber, nonce, 0);
        if (header) nonce[0] |= (byte) HEADER_NONCE_FLAG;
    }
}
