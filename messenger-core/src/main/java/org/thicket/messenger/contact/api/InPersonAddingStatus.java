package org.thicket.messenger.contact.api;

import java.util.Objects;
import org.thicket.bramble.contact.api.ContactId;

/**
 * Where in-person adding stands.
 *
 * @param contactId the contact added; only in state ADDED
 * @param failure why the session failed; only in state FAILED
 */
public record InPersonAddingStatus(State state, ContactId contactId, InPersonAddingFailure failure) {

    public enum State {
        /** No session. */
        IDLE,
        /** Showing our code, waiting for the user to scan the peer's. */
        WAITING,
        /** Scanned: key agreement runs. */
        CONNECTING,
        /** Keys agreed: contact exchange runs. */
        EXCHANGING,
        /** The contact was added. */
        ADDED,
        /** The session failed. */
        FAILED
    }

    public static final InPersonAddingStatus IDLE = new InPersonAddingStatus(State.IDLE, null, null);
    public static final InPersonAddingStatus WAITING = new InPersonAddingStatus(State.WAITING, null, null);
    public static final InPersonAddingStatus CONNECTING = new InPersonAddingStatus(State.CONNECTING, null, null);
    public static final InPersonAddingStatus EXCHANGING = new InPersonAddingStatus(State.EXCHANGING, null, null);

    public InPersonAddingStatus {
        Objects.requireNonNull(state);
        if ((state == State.ADDED) != (contactId != null)) {
            throw new IllegalArgumentException("A contact ID comes with ADDED and only then");
        }
        if ((state == State.FAILED) != (failure != null)) {
            throw new IllegalArgumentException("A failure comes with FAILED and only then");
        }
    }

    public static InPersonAddingStatus added(ContactId contactId) {
        return new InPersonAddingStatus(State.ADDED, Objects.requireNonNull(contactId), null);
    }

    public static InPersonAddingStatus failed(InPersonAddingFailure failure) {
        return new InPersonAddingStatus(State.FAILED, null, Objects.requireNonNull(failure));
    }

    /** Whether a session is running: waiting for a scan, connecting or exchanging. */
    public boolean isActive() {
        return state == State.WAITING || state == State.CONNECTING || state == State.EXCHANGING;
    }
}
