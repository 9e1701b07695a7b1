package org.thicket.bramble.sync.api;

import java.util.List;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.event.api.Event;

/** The contact acked these messages of ours: it has them, so they are no longer offered or sent to it. */
public record MessagesAckedEvent(ContactId contactId, List<MessageId> messageIds) implements Event {

    public MessagesAckedEvent {
        messageIds = List.copyOf(messageIds);
    }
}
