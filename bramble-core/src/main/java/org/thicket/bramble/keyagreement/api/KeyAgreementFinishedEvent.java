package org.thicket.bramble.keyagreement.api;

import org.thicket.bramble.event.api.Event;

/**
 * Key agreement succeeded. The result is the one {@link KeyAgreementTask#connect} returns: the caller of connect
 * owns the key and the connection; listeners only look.
 */
public record KeyAgreementFinishedEvent(KeyAgreementResult result) implements Event {
}
