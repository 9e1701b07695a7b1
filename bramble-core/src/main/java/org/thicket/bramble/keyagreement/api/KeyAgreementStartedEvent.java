package org.thicket.bramble.keyagreement.api;

import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.plugin.api.TransportId;

/** A connection to the peer was made over this transport and the protocol is running on it. */
public record KeyAgreementStartedEvent(TransportId transportId) implements Event {
}
