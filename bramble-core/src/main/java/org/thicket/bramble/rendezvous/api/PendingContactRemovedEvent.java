package org.thicket.bramble.rendezvous.api;

import org.thicket.bramble.contact.api.PendingContactId;
import org.thicket.bramble.event.api.Event;

/** A pending contact was removed by the user; broadcast after the transaction committed. */
public record PendingContactRemovedEvent(PendingContactId pendingContactId) implements Event {
}
