package org.thicket.bramble.rendezvous.api;

/** Where adding a pending contact stands (specs/brp.md, "States"). */
public enum PendingContactState {
    /** At least one transport is at the rendezvous, waiting for the contact. */
    WAITING_FOR_CONNECTION,
    /** No transport that supports rendezvous is active. */
    OFFLINE,
    /** A connection is made and the handshake (BHP) runs. */
    CONNECTING,
    /** The handshake succeeded and contact exchange runs. */
    ADDING_CONTACT,
    /** The contact did not turn up before the rendezvous timed out; only removing it is left. */
    FAILED
}
