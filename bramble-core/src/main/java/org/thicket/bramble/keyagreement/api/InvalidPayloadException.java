package org.thicket.bramble.keyagreement.api;

import org.thicket.bramble.util.FormatException;

/** A scanned QR code that is not a BQP payload we can use; {@link #getReason} says why, for the user. */
public final class InvalidPayloadException extends FormatException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** Longer than {@link KeyAgreementConstants#MAX_PAYLOAD_LENGTH}: not a BQP code, or a hostile one. */
        TOO_LONG,
        /** Another kind of QR code (the format ID is not BQP's), e.g. a mailbox code. */
        NOT_BQP,
        /** A BQP code of another format version: one of the two apps needs updating. */
        WRONG_VERSION,
        /** Not a well-formed payload: bad BDF, wrong element types or lengths, trailing bytes. */
        GARBLED,
        /** Well-formed, but no descriptor of a transport we know, so there is no way to reach the peer. */
        NO_DESCRIPTORS
    }

    private final Reason reason;

    public InvalidPayloadException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public InvalidPayloadException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason getReason() {
        return reason;
    }
}
