package org.thicket.bramble.connection.api;

import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.event.api.Event;

/** A contact that had no live connection has one now. */
public record ContactConnectedEvent(ContactId contactId) implements Event {
}
