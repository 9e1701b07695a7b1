package org.thicket.bramble.keyagreement.api;

import java.io.IOException;

/** Key agreement failed; {@link #getReason} says why, for the user. Nothing was stored. */
public final class KeyAgreementException extends IOException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** No started plugin could listen for the peer. */
        NO_TRANSPORT,
        /** We scanned our own code (or a copy of it): there is no peer. */
        OWN_PAYLOAD,
        /** No connection to the peer could be made or accepted, or it broke. */
        CONNECTION_FAILED,
        /** The peer's public key does not match the commitment in its QR code: someone else is on the line. */
        COMMITMENT_MISMATCH,
        /** The peer's confirmation MAC is wrong: the two sides did not agree on the same keys and codes. */
        BAD_CONFIRMATION,
        /** The peer sent a malformed or unexpected record. */
        PROTOCOL_ERROR,
        /** The peer sent ABORT. */
        ABORTED,
        /** The peer did not connect, or the protocol did not finish, within the timeout. */
        TIMEOUT,
        /** We gave up ({@link KeyAgreementTask#cancel}). */
        CANCELLED
    }

    private final Reason reason;

    public KeyAgreementException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public KeyAgreementException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason getReason() {
        return reason;
    }
}
