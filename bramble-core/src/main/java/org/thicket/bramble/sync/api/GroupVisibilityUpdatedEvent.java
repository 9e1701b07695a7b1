package org.thicket.bramble.sync.api;

import java.util.List;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.event.api.Event;

/** The visibility of a group changed for these contacts, so there may be messages to offer or statuses gone. */
public record GroupVisibilityUpdatedEvent(List<ContactId> contactIds) implements Event {

    public GroupVisibilityUpdatedEvent {
        contactIds = List.copyOf(contactIds);
    }
}
