package org.thicket.bramble.connection.api;

import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.plugin.api.TransportId;

/** A connection to a contact was unregistered; {@code exception} says whether it ended with an error. */
public record ConnectionClosedEvent(ContactId contactId, TransportId transportId, boolean incoming,
        boolean exception) implements Event {
}
