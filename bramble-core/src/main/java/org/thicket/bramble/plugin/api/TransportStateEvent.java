package org.thicket.bramble.plugin.api;

import org.thicket.bramble.event.api.Event;

/** A transport's plugin changed state. */
public record TransportStateEvent(TransportId transportId, Plugin.State state) implements Event {
}
