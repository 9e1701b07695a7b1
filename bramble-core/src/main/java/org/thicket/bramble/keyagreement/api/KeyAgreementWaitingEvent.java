package org.thicket.bramble.keyagreement.api;

import org.thicket.bramble.event.api.Event;

/** We scanned the peer's code and are connecting to it and waiting for it to connect to us. */
public record KeyAgreementWaitingEvent(boolean alice) implements Event {
}
