package org.thicket.messenger.messaging.api;

import java.util.Objects;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.event.api.Event;

/**
 * An attachment message from the contact was delivered, so a conversation can replace the placeholder of a private
 * message that references it. It may arrive before or after that message. Broadcast after the delivery commits.
 */
public record AttachmentReceivedEvent(ContactId contactId, AttachmentHeader header) implements Event {

    public AttachmentReceivedEvent {
        Objects.requireNonNull(contactId);
        Objects.requireNonNull(header);
    }
}
