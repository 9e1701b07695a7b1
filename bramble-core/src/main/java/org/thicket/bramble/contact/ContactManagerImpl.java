package org.thicket.bramble.contact;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Collection;
import java.util.Set;
import org.thicket.bramble.contact.api.Contact;
import org.thicket.bramble.contact.api.ContactAddedEvent;
import org.thicket.bramble.contact.api.ContactHook;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.ContactManager;
import org.thicket.bramble.contact.api.ContactRemovedEvent;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.identity.api.Author;
import org.thicket.bramble.identity.api.AuthorId;
import org.thicket.bramble.transport.api.KeyManager;

/** The contact list over the database and the key manager; stateless, so one instance serves all threads. */
final class ContactManagerImpl implements ContactManager {

    private final DatabaseComponent db;
    private final KeyManager keyManager;
    // A provider: clients' hooks may themselves depend on the contact manager.
    private final Provider<Set<ContactHook>> hooks;

    @Inject
    ContactManagerImpl(DatabaseComponent db, KeyManager keyManager, Provider<Set<ContactHook>> hooks) {
        this.db = db;
        this.keyManager = keyManager;
        this.hooks = hooks;
    }

    @Override
    public ContactId addContact(Transaction txn, Author remote, AuthorId localAuthorId, SecretKey rootKey,
            long timestamp, boolean alice, boolean verified, boolean active) throws DbException {
        if (remote.id().equals(localAuthorId)) throw new IllegalArgumentException("We cannot be our own contact");
        ContactId c = db.addContact(txn, remote, localAuthorId, null, verified);
        keyManager.addRotationKeys(txn, c, rootKey, timestamp, alice, active);
        Contact contact = db.getContact(txn, c);
        for (ContactHook hook : hooks.get()) hook.addingContact(txn, contact);
        txn.attach(new ContactAddedEvent(c, active));
        return c;
    }

    @Override
    public Contact getContact(Transaction txn, ContactId c) throws DbException {
        return db.getContact(txn, c);
    }

    @Override
    public Collection<Contact> getContacts(Transaction txn) throws DbException {
        return db.getContacts(txn);
    }

    @Override
    public void removeContact(Transaction txn, ContactId c) throws DbException {
        Contact contact = db.getContact(txn, c);
        for (ContactHook hook : hooks.get()) hook.removingContact(txn, contact);
        db.removeContact(txn, c);
        txn.attach(new ContactRemovedEvent(c));
    }

    @Override
    public void setContactAlias(Transaction txn, ContactId c, String alias) throws DbException {
        if (alias != null) Author.validateName(alias);
        db.setContactAlias(txn, c, alias);
    }

    @Override
    public void setContactVerified(Transaction txn, ContactId c, boolean verified) throws DbException {
        db.setContactVerified(txn, c, verified);
    }
}
