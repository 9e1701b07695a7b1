package org.thicket.bramble.sync.api;

import java.util.List;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.event.api.Event;

/** These messages were handed out for sending to the contact (their retransmission times were updated). */
public record MessagesSentEvent(ContactId contactId, List<MessageId> messageIds) implements Event {

    public MessagesSentEvent {
        messageIds = List.copyOf(messageIds);
    }
}
