package org.thicket.bramble.plugin.api;

import java.nio.charset.StandardCharsets;

/**
 * Names a transport on the wire and in key derivation, e.g. {@code org.briarproject.bramble.lan}. Its UTF-8 bytes
 * are an input to every transport key, so it must match Briar's exactly.
 */
public record TransportId(String value) {

    public static final int MAX_LENGTH = 100;

    public TransportId {
        int length = value.getBytes(StandardCharsets.UTF_8).length;
        if (length == 0 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("A transport ID is 1 to " + MAX_LENGTH + " UTF-8 bytes");
        }
    }

    public byte[] utf8() {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
