package org.thicket.bramble.sync.api;

import java.nio.charset.StandardCharsets;

/** Names a client (an application protocol on top of sync), e.g. "org.briarproject.briar.messaging". */
public record ClientId(String value) {

    public static final int MAX_BYTES = 100;

    public ClientId {
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > MAX_BYTES) {
            throw new IllegalArgumentException("A client ID is 1 to " + MAX_BYTES + " UTF-8 bytes, not " + bytes);
        }
    }
}
