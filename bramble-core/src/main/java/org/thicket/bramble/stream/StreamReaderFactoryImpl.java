package org.thicket.bramble.stream;

import jakarta.inject.Inject;
import java.io.InputStream;
import org.thicket.bramble.crypto.api.AuthenticatedCipher;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.stream.api.StreamContext;
import org.thicket.bramble.stream.api.StreamReaderFactory;

final class StreamReaderFactoryImpl implements StreamReaderFactory {

    private final AuthenticatedCipher cipher;

    @Inject
    StreamReaderFactoryImpl(AuthenticatedCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public InputStream createStreamReader(InputStream in, StreamContext context) {
        return new StreamReaderImpl(in, cipher, context.headerKey(), context.streamNumber());
    }

    @Override
    public InputStream createContactExchangeStreamReader(InputStream in, SecretKey headerKey) {
        return new StreamReaderImpl(in, cipher, headerKey, 0);
    }
}
