package org.thicket.bramble.contact.api;

/** A contact's local, database-assigned number. Never leaves this device. */
public record ContactId(int value) {

    public ContactId {
        if (value <= 0) throw new IllegalArgumentException("Contact IDs are positive: " + value);
    }
}
