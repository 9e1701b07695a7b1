package org.thicket.messenger.messaging.api;

import java.util.Objects;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.event.api.Event;

/** A private message from the contact was delivered to the conversation; broadcast after that commits. */
public record PrivateMessageReceivedEvent(ContactId contactId, PrivateMessageHeader header) implements Event {

    public PrivateMessageReceivedEvent {
        Objects.requireNonNull(contactId);
        Objects.requireNonNull(header);
    }
}
