package org.thicket.bramble.properties.api;

import java.util.Objects;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.plugin.api.TransportId;

/** A contact's properties for a transport changed, so it may be reachable there now. */
public record RemoteTransportPropertiesUpdatedEvent(ContactId contactId, TransportId transportId) implements Event {

    public RemoteTransportPropertiesUpdatedEvent {
        Objects.requireNonNull(contactId);
        Objects.requireNonNull(transportId);
    }
}
