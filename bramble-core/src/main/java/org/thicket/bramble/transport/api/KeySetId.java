package org.thicket.bramble.transport.api;

/**
 * A database-assigned number for one contact's (or pending contact's) keys on one transport. Numbers grow with
 * time, so the highest of a contact's key sets is the newest.
 */
public record KeySetId(int value) {

    public KeySetId {
        if (value <= 0) throw new IllegalArgumentException("Key set IDs are positive: " + value);
    }
}
