package org.thicket.bramble.connection.api;

import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.plugin.api.TransportId;

/** A connection to a contact was registered. */
public record ConnectionOpenedEvent(ContactId contactId, TransportId transportId, boolean incoming)
        implements Event {
}
