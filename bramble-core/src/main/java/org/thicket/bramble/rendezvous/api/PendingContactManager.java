package org.thicket.bramble.rendezvous.api;

import java.util.Collection;
import org.thicket.bramble.contact.api.PendingContact;
import org.thicket.bramble.contact.api.PendingContactId;
import org.thicket.bramble.db.api.DbException;

/**
 * Adding contacts remotely, by exchanging handshake links (specs/brp.md). Kept apart from the contact list's
 * {@link org.thicket.bramble.contact.api.ContactManager}: a pending contact has no author yet, only the key from
 * its link, and it lives until the rendezvous poller has met it (then contact exchange replaces it with a contact)
 * or the user removes it. Each method runs its own transaction, so it must not be called while holding one.
 */
public interface PendingContactManager {

    /** Our own link, for the user to send to the person they want to add. */
    String getHandshakeLink() throws DbException;

    /**
     * Adds the owner of a link, found in pasted text, as a pending contact with handshake keys for every
     * transport, and attaches a {@link PendingContactAddedEvent}. Nothing is stored if it fails.
     *
     * @param alias our name for the contact, 1 to 50 UTF-8 bytes
     * @throws InvalidLinkException if the link is malformed, ours, or its owner is already pending or a contact
     * @throws IllegalArgumentException if the alias is empty or too long
     */
    PendingContact addPendingContact(String link, String alias) throws DbException, InvalidLinkException;

    /** Every pending contact, oldest first, with its state. */
    Collection<PendingContactStatus> getPendingContacts() throws DbException;

    /**
     * Removes a pending contact with its handshake keys and stops the rendezvous with it.
     *
     * @throws org.thicket.bramble.contact.api.NoSuchContactException if there is none with this ID
     */
    void removePendingContact(PendingContactId p) throws DbException;
}
