package org.thicket.bramble.contact.api;

import org.thicket.bramble.event.api.Event;

/** A contact was added, with keys for every transport; broadcast after the transaction committed. */
public record ContactAddedEvent(ContactId contactId, boolean active) implements Event {
}
