package org.thicket.bramble.rendezvous.api;

/** A handshake link that cannot be added, with the reason, so the UI can say exactly what is wrong. */
public final class InvalidLinkException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a link was refused. */
    public enum Reason {
        /** No {@code briar://} followed by exactly 53 characters, nor a bare run of 53 characters. */
        WRONG_LENGTH,
        /** Characters outside a-z and 2-7, or non-zero bits after the 33 bytes. */
        BAD_BASE32,
        /** A format version other than 0: made by a newer app. */
        UNKNOWN_VERSION,
        /** The key is not a usable X25519 public key (it would give an all-zero shared secret). */
        INVALID_KEY,
        /** The link is our own. */
        OWN_LINK,
        /** The link's owner is already a pending contact. */
        ALREADY_PENDING,
        /** The link's owner is already a contact. */
        ALREADY_CONTACT
    }

    private final Reason reason;

    public InvalidLinkException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
