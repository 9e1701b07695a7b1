package org.thicket.bramble.sync.api;

import java.util.Objects;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.event.api.Event;

/**
 * A message was stored. {@code contactId} is the contact it came from, or null for a message created here; a
 * received message waits (state UNKNOWN) for validation.
 */
public record MessageAddedEvent(Message message, ContactId contactId) implements Event {

    public MessageAddedEvent {
        Objects.requireNonNull(message);
    }
}
