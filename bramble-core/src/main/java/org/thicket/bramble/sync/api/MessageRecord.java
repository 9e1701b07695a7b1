package org.thicket.bramble.sync.api;

import java.util.Objects;

/** MESSAGE (type 1): one raw message; its ID is derived by whoever parses it. */
public record MessageRecord(Message message) implements SyncRecord {

    public MessageRecord {
        Objects.requireNonNull(message);
    }
}
