package org.thicket.bramble.stream.api;

import static org.thicket.bramble.stream.api.StreamConstants.MAX_FRAME_LENGTH;
import static org.thicket.bramble.stream.api.StreamConstants.MAX_PAYLOAD_LENGTH;

/**
 * How a stream writer pads its frames (specs/btp.md, "Padding"). Readers accept any padding within the frame
 * limit, so the choice is the writer's alone and does not affect interoperability.
 */
public enum FramePadding {

    /** No padding: a frame is as long as its payload, as Briar's writer sends it. Frame lengths show payload sizes. */
    NONE {
        @Override
        public int contentLength(int payloadLength) {
            checkPayloadLength(payloadLength);
            return payloadLength;
        }
    },

    /**
     * Pads each frame so its length on the wire is a power of two from 64 to 1,024 bytes, so an observer of frame
     * lengths learns a size class rather than the size. Full frames need no padding.
     */
    POWER_OF_TWO {
        @Override
        public int contentLength(int payloadLength) {
            checkPayloadLength(payloadLength);
            int frameLength = FRAME_OVERHEAD + payloadLength;
            int bucket = Math.max(SMALLEST_BUCKET, Integer.highestOneBit(frameLength - 1) << 1);
            return bucket - FRAME_OVERHEAD;
        }
    };

    /**
     * Sealed header plus the payload's MAC: 36 bytes on the wire that are not payload or padding. The largest
     * bucket, 1,024, is exactly a full frame.
     */
    static final int FRAME_OVERHEAD = MAX_FRAME_LENGTH - MAX_PAYLOAD_LENGTH;
    static final int SMALLEST_BUCKET = 64;

    /**
     * The payload plus padding length of a frame carrying {@code payloadLength} bytes: at least the payload, at
     * most {@link StreamConstants#MAX_PAYLOAD_LENGTH}.
     */
    public abstract int contentLength(int payloadLength);

    private static void checkPayloadLength(int payloadLength) {
        if (payloadLength < 0 || payloadLength > MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("Not a frame payload length: " + payloadLength);
        }
    }
}
