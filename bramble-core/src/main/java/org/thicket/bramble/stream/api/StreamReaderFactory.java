package org.thicket.bramble.stream.api;

import java.io.InputStream;
import org.thicket.bramble.crypto.api.SecretKey;

/**
 * Creates BTP stream readers: input streams of the authenticated payload. Nothing is read until the first
 * {@code read}, which reads and checks the stream header.
 *
 * <p>The returned stream reads exactly up to the end of the final frame and then reports end of stream; whatever
 * follows stays unread in {@code in}. Every error is a {@link org.thicket.bramble.util.FormatException}: a stream
 * header of another version or stream number, a frame whose MAC does not verify, a length over the limit,
 * non-zero padding, or a stream that ends before its final frame ("truncated"). The payload of a frame is handed
 * out only after its MAC has verified, so what a reader returned before an error is exactly the payload of the
 * frames before the bad one. After an error every further read fails. Not thread-safe.
 */
public interface StreamReaderFactory {

    /**
     * A reader for a stream whose tag has already been read from {@code in} and matched to {@code context}; it
     * checks that the header carries {@code context.streamNumber()}.
     */
    InputStream createStreamReader(InputStream in, StreamContext context);

    /** A reader for a contact-exchange stream: no tag, stream number 0, the header key from the key agreement. */
    InputStream createContactExchangeStreamReader(InputStream in, SecretKey headerKey);
}
