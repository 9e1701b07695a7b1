package org.thicket.bramble.connection.api;

import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.event.api.Event;

/** A contact's last live connection closed. */
public record ContactDisconnectedEvent(ContactId contactId) implements Event {
}
