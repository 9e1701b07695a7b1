package org.thicket.bramble.validation.api;

import java.util.Objects;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageState;

/**
 * A message entered a new state of validation and delivery. {@code local} is true for a message created here
 * (stored as delivered at once), false for one received from a contact.
 */
public record MessageStateChangedEvent(MessageId messageId, boolean local, MessageState state) implements Event {

    public MessageStateChangedEvent {
        Objects.requireNonNull(messageId);
        Objects.requireNonNull(state);
    }
}
