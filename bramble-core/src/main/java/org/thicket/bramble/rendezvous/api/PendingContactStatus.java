package org.thicket.bramble.rendezvous.api;

import org.thicket.bramble.contact.api.PendingContact;

/** A pending contact with its current state. */
public record PendingContactStatus(PendingContact contact, PendingContactState state) {
}
