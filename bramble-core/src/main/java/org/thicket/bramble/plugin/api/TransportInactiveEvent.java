package org.thicket.bramble.plugin.api;

import org.thicket.bramble.event.api.Event;

/** A transport's plugin left {@link Plugin.State#ACTIVE}: it makes no more connections until it is active again. */
public record TransportInactiveEvent(TransportId transportId) implements Event {
}
