package org.thicket.bramble.db.api;

/** What receiving a message from a contact did ({@link DatabaseComponent#receiveMessage}). */
public enum Receipt {

    /** New: stored, for validation to decide on. The contact has it and is owed an ack. */
    STORED,

    /** Stored before. The contact has it too and is owed an ack. */
    STORED_ALREADY,

    /** Its group is invisible to the contact: nothing was stored and no ack is owed. */
    NOT_VISIBLE;

    public boolean owesAck() {
        return this != NOT_VISIBLE;
    }
}
