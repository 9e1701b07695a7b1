package org.thicket.bramble.sync.api;

import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.event.api.Event;

/** The contact offered at least one message we do not have, so there is something to request. */
public record MessageToRequestEvent(ContactId contactId) implements Event {
}
