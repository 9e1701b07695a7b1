package org.thicket.bramble.contact.api;

import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;

/**
 * Lets a client keep per-contact state, e.g. a contact group, in step with the contact list. A module contributes
 * one with {@code Multibinder.newSetBinder(binder(), ContactHook.class).addBinding().to(...)}. Both methods run
 * inside the transaction that adds or removes the contact, so the client's state commits or rolls back with it; they
 * must not start a transaction of their own.
 */
public interface ContactHook {

    /** The contact and its keys are stored; called before the transaction commits. */
    void addingContact(Transaction txn, Contact contact) throws DbException;

    /** The contact is still stored; called before it is removed. */
    void removingContact(Transaction txn, Contact contact) throws DbException;
}
