package org.thicket.bramble.plugin.tor.api;

import org.thicket.bramble.event.api.Event;

/** Our tor's status changed (bootstrap progress, circuits, network switch). */
public record TorStatusEvent(TorStatus status) implements Event {
}
