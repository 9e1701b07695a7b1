package org.thicket.bramble.stream.api;

import java.io.OutputStream;
import org.thicket.bramble.crypto.api.SecretKey;

/**
 * Creates BTP stream writers. Neither method writes anything or blocks: the first frame carries the tag and stream
 * header. The writer does not take ownership of the keys it is given (their owner wipes them); it wipes the frame
 * key it makes itself.
 */
public interface StreamWriterFactory {

    /** A stream that starts with the tag of {@code context}'s tag key and stream number. */
    StreamWriter createStreamWriter(OutputStream out, StreamContext context);

    /** A contact-exchange stream: no tag, stream number 0, the header key from the key agreement. */
    StreamWriter createContactExchangeStreamWriter(OutputStream out, SecretKey headerKey);
}
