package org.thicket.bramble.transport.api;

import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.plugin.api.TransportId;

/**
 * One contact's keys on one transport for the current period P: incoming keys for P - 1, P and P + 1 and outgoing
 * keys for P. In rotation mode {@code rootKey} is null (it is deleted once the first keys are derived, for forward
 * secrecy) and {@code alice} is unused; in handshake mode both are kept, because every period's keys are derived
 * afresh from the root key.
 */
public record TransportKeys(TransportId transportId, IncomingKeys previousIncoming, IncomingKeys currentIncoming,
        IncomingKeys nextIncoming, OutgoingKeys currentOutgoing, SecretKey rootKey, boolean alice) {

    public TransportKeys {
        long period = currentOutgoing.timePeriod();
        if (previousIncoming.timePeriod() != period - 1 || currentIncoming.timePeriod() != period
                || nextIncoming.timePeriod() != period + 1) {
            throw new IllegalArgumentException("Incoming keys must be for periods P - 1, P and P + 1 of outgoing P");
        }
    }

    /** Rotation-mode keys. */
    public TransportKeys(TransportId transportId, IncomingKeys previousIncoming, IncomingKeys currentIncoming,
            IncomingKeys nextIncoming, OutgoingKeys currentOutgoing) {
        this(transportId, previousIncoming, currentIncoming, nextIncoming, currentOutgoing, null, false);
    }

    public boolean isHandshakeMode() {
        return rootKey != null;
    }

    /** The current period P. */
    public long timePeriod() {
        return currentOutgoing.timePeriod();
    }

    /** The incoming keys of the given period, or null if it is not P - 1, P or P + 1. */
    public IncomingKeys incomingKeys(long timePeriod) {
        long offset = timePeriod - timePeriod();
        if (offset == -1) return previousIncoming;
        if (offset == 0) return currentIncoming;
        if (offset == 1) return nextIncoming;
        return null;
    }

    /** Overwrites every secret key held here; the keys are unusable afterwards. */
    public void wipe() {
        previousIncoming.wipe();
        currentIncoming.wipe();
        nextIncoming.wipe();
        currentOutgoing.wipe();
        if (rootKey != null) rootKey.wipe();
    }
}
