package org.thicket.messenger.contact.api;

import org.thicket.bramble.event.api.Event;

/** The status of in-person adding changed to this. */
public record InPersonAddingStatusEvent(InPersonAddingStatus status) implements Event {
}
