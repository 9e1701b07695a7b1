package org.thicket.bramble.contact.api;

import org.thicket.bramble.event.api.Event;

/** A contact was removed with its keys and sync state; broadcast after the transaction committed. */
public record ContactRemovedEvent(ContactId contactId) implements Event {
}
