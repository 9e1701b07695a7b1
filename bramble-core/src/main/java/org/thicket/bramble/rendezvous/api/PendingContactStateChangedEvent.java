package org.thicket.bramble.rendezvous.api;

import org.thicket.bramble.contact.api.PendingContactId;
import org.thicket.bramble.event.api.Event;

/** A pending contact moved to another state. Not a database change: broadcast as it happens. */
public record PendingContactStateChangedEvent(PendingContactId pendingContactId, PendingContactState state)
        implements Event {
}
