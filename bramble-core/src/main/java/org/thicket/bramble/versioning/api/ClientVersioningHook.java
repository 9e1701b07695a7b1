package org.thicket.bramble.versioning.api;

import org.thicket.bramble.contact.api.Contact;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.sync.api.Visibility;

/**
 * Told when what a contact runs changes the visibility of a client's contact group: the client sets its group's
 * visibility to {@code v} inside this transaction (SHARED when the contact runs the client actively, VISIBLE when
 * inactively, INVISIBLE when not at all).
 */
@FunctionalInterface
public interface ClientVersioningHook {

    void onClientVisibilityChanging(Transaction txn, Contact contact, Visibility v) throws DbException;
}
