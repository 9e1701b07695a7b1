package org.thicket.bramble.sync.api;

import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.event.api.Event;

/** The contact requested at least one message, so there is something to send. */
public record MessageRequestedEvent(ContactId contactId) implements Event {
}
