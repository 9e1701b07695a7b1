package org.thicket.bramble.transport.api;

import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.PendingContactId;

/** Stored transport keys with their ID and owner: exactly one of a contact and a pending contact. */
public record TransportKeySet(KeySetId keySetId, ContactId contactId, PendingContactId pendingContactId,
        TransportKeys keys) {

    public TransportKeySet {
        if ((contactId == null) == (pendingContactId == null)) {
            throw new IllegalArgumentException("Keys belong to a contact or a pending contact");
        }
    }

    public TransportKeySet withKeys(TransportKeys updated) {
        return new TransportKeySet(keySetId, contactId, pendingContactId, updated);
    }
}
