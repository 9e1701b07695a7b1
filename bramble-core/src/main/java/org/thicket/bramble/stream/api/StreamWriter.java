package org.thicket.bramble.stream.api;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The sending end of one BTP stream. Not thread-safe: one thread (a session) writes a stream.
 *
 * <p>The tag and stream header go out with the first frame. Bytes written to {@link #getOutputStream()} are
 * collected into frames of up to {@link StreamConstants#MAX_PAYLOAD_LENGTH} payload bytes; a full frame is sent at
 * once, and {@code flush()} sends the partial frame (an empty one if nothing is pending, which serves as a
 * keepalive). Closing the output stream without {@link #sendEndOfStream()} aborts the stream: pending bytes are
 * dropped and the reader sees a truncated stream, never a clean end.
 */
public interface StreamWriter {

    /** The plaintext side, for the record layer to write into. */
    OutputStream getOutputStream();

    /**
     * Sends the pending bytes in a final frame (possibly empty) and flushes the underlying stream, which stays
     * open. Afterwards writing fails; flushing and closing still work.
     */
    void sendEndOfStream() throws IOException;
}
