package org.thicket.bramble.stream;

import static org.thicket.bramble.stream.api.StreamConstants.PROTOCOL_VERSION;
import static org.thicket.bramble.stream.api.StreamConstants.STREAM_HEADER_NONCE_LENGTH;

import jakarta.inject.Inject;
import java.io.OutputStream;
import java.security.SecureRandom;
import org.thicket.bramble.crypto.api.AuthenticatedCipher;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.stream.api.FramePadding;
import org.thicket.bramble.stream.api.StreamContext;
import org.thicket.bramble.stream.api.StreamWriter;
import org.thicket.bramble.stream.api.StreamWriterFactory;
import org.thicket.bramble.stream.api.TagEncoder;
import org.thicket.bramble.util.Bytes;

final class StreamWriterFactoryImpl implements StreamWriterFactory {

    private static final byte[] NO_TAG = new byte[0];

    private final AuthenticatedCipher cipher;
    private final TagEncoder tagEncoder;
    private final SecureRandom random;
    private final FramePadding padding;

    @Inject
    StreamWriterFactoryImpl(AuthenticatedCipher cipher, TagEncoder tagEncoder, SecureRandom random,
            FramePadding padding) {
        this.cipher = cipher;
        this.tagEncoder = tagEncoder;
        this.random = random;
        this.padding = padding;
    }

    @Override
    public StreamWriter createStreamWriter(OutputStream out, StreamContext context) {
        byte[] tag = tagEncoder.encodeTag(context.tagKey(), PROTOCOL_VERSION, context.streamNumber());
        return create(out, tag, context.headerKey(), context.streamNumber());
    }

    @Override
    public StreamWriter createContactExchangeStreamWriter(OutputStream out, SecretKey headerKey) {
        return create(out, NO_TAG, headerKey, 0);
    }

    private StreamWriter create(OutputStream out, byte[] tag, SecretKey headerKey, long streamNumber) {
        byte[] nonce = new byte[STREAM_HEADER_NONCE_LENGTH];
        byte[] frameKey = new byte[SecretKey.LENGTH];
        try {
            random.nextBytes(nonce);
            random.nextBytes(frameKey);
            return new StreamWriterImpl(out, cipher, padding, tag, headerKey, streamNumber, nonce, frameKey);
        } finally {
            Bytes.wipe(frameKey);
        }
    }
}
