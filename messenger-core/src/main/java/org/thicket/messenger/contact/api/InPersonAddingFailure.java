package org.thicket.messenger.contact.api;

import org.thicket.bramble.keyagreement.api.KeyAgreementException;

/** Why a session failed, for the user. Nothing was stored, but for a contact that existed before. */
public enum InPersonAddingFailure {
    /** No transport could listen for the peer: LAN (or Bluetooth) is off. */
    NO_TRANSPORT,
    /** We scanned our own code. */
    OWN_PAYLOAD,
    /** No connection to the peer could be made, or it broke. */
    CONNECTION_FAILED,
    /** The peer's key or confirmation did not match its code: someone else may be on the line. */
    SECURITY_CHECK_FAILED,
    /** The peer sent something malformed, or gave up. */
    PROTOCOL_ERROR,
    /** The peer did not scan our code, or did not finish, in time. */
    TIMEOUT,
    /** The peer is a contact already. */
    CONTACT_EXISTS,
    /** Key agreement succeeded but the contact information could not be exchanged. */
    EXCHANGE_FAILED,
    /** The node is stopping. */
    STOPPED;

    /** The failure a key-agreement reason means for the user. */
    public static InPersonAddingFailure forKeyAgreement(KeyAgreementException.Reason reason) {
        return switch (reason) {
            case NO_TRANSPORT -> NO_TRANSPORT;
            case OWN_PAYLOAD -> OWN_PAYLOAD;
            case CONNECTION_FAILED -> CONNECTION_FAILED;
            case COMMITMENT_MISMATCH, BAD_CONFIRMATION -> SECURITY_CHECK_FAILED;
            case PROTOCOL_ERROR, ABORTED -> PROTOCOL_ERROR;
            case TIMEOUT -> TIMEOUT;
            case CANCELLED -> STOPPED;
        };
    }
}
