package org.thicket.messenger.messaging.api;

import java.util.Objects;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.sync.api.MessageId;

/** The contact acked one of our private messages: it has it. Broadcast once per message, after that is stored. */
public record PrivateMessageDeliveredEvent(ContactId contactId, MessageId messageId) implements Event {

    public PrivateMessageDeliveredEvent {
        Objects.requireNonNull(contactId);
        Objects.requireNonNull(messageId);
    }
}
