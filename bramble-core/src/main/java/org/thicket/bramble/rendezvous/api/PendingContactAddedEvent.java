package org.thicket.bramble.rendezvous.api;

import org.thicket.bramble.contact.api.PendingContact;
import org.thicket.bramble.event.api.Event;

/** A pending contact was added from a link; broadcast after the transaction committed. */
public record PendingContactAddedEvent(PendingContact pendingContact) implements Event {
}
