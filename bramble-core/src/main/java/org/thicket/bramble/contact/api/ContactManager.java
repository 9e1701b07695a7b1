package org.thicket.bramble.contact.api;

import java.util.Collection;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.identity.api.Author;
import org.thicket.bramble.identity.api.AuthorId;

/**
 * The contact list. Adding and removing run the {@link ContactHook}s in the same transaction and attach a
 * {@link ContactAddedEvent} or {@link ContactRemovedEvent}, published once the transaction commits.
 */
public interface ContactManager {

    /**
     * Stores a contact met through key agreement or an introduction, with rotation-mode transport keys for every
     * transport derived from {@code rootKey} (which is not kept; the caller wipes it).
     *
     * @param timestamp the contact-exchange timestamp both sides agreed on; it fixes the first key period
     * @param alice our role in the key agreement that produced {@code rootKey}
     * @param active whether we may write streams to the contact at once, or only after the contact has written to
     *        us
     * @throws ContactExistsException if the author is already a contact of that identity
     * @throws org.thicket.bramble.db.api.NoSuchIdentityException if the local identity is not stored
     * @throws IllegalArgumentException if the remote author is the local identity itself
     */
    ContactId addContact(Transaction txn, Author remote, AuthorId localAuthorId, SecretKey rootKey, long timestamp,
            boolean alice, boolean verified, boolean active) throws DbException;

    /** @throws NoSuchContactException if there is none with this ID */
    Contact getContact(Transaction txn, ContactId c) throws DbException;

    Collection<Contact> getContacts(Transaction txn) throws DbException;

    /** Removes the contact, its transport keys and its sync state. @throws NoSuchContactException if absent */
    void removeContact(Transaction txn, ContactId c) throws DbException;

    /**
     * Sets our own name for the contact, or with null goes back to the author's name.
     *
     * @throws IllegalArgumentException if the alias is empty or longer than 50 UTF-8 bytes
     * @throws NoSuchContactException if absent
     */
    void setContactAlias(Transaction txn, ContactId c, String alias) throws DbException;

    /** @throws NoSuchContactException if absent */
    void setContactVerified(Transaction txn, ContactId c, boolean verified) throws DbException;
}
