package org.thicket.bramble.plugin.api;

import org.thicket.bramble.event.api.Event;

/** A transport's plugin became {@link Plugin.State#ACTIVE}: it can make and take connections now. */
public record TransportActiveEvent(TransportId transportId) implements Event {
}
