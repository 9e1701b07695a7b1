package org.thicket.bramble.sync.api;

import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.event.api.Event;

/** We owe the contact an ack for at least one message. */
public record MessageToAckEvent(ContactId contactId) implements Event {
}
