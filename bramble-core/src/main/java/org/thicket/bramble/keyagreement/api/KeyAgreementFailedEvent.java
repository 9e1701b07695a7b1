package org.thicket.bramble.keyagreement.api;

import org.thicket.bramble.event.api.Event;

/** Key agreement failed for this reason; the connection is closed and nothing was stored. */
public record KeyAgreementFailedEvent(KeyAgreementException.Reason reason) implements Event {
}
