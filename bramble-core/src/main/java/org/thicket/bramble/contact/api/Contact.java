package org.thicket.bramble.contact.api;

import org.thicket.bramble.crypto.api.KeyType;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.identity.api.Author;
import org.thicket.bramble.identity.api.AuthorId;

/**
 * Someone we have exchanged keys with, as seen by one of our identities.
 *
 * @param alias our own name for the contact, or null to show the author's name
 * @param handshakePublicKey the contact's X25519 handshake key, or null if we have not learned it
 * @param verified whether we met in person (QR codes) rather than trusting a link or an introducer
 */
public record Contact(ContactId id, Author author, AuthorId localAuthorId, String alias, PublicKey handshakePublicKey,
        boolean verified) {

    public Contact {
        if (alias != null) Author.validateName(alias);
        if (handshakePublicKey != null && handshakePublicKey.getType() != KeyType.AGREEMENT) {
            throw new IllegalArgumentException("Not an agreement key");
        }
    }
}
