package org.thicket.bramble.contact.api;

import org.thicket.bramble.crypto.api.KeyType;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.identity.api.Author;

/**
 * Someone we are adding through a link, before the handshake has made them a contact.
 *
 * @param publicKey their X25519 handshake key, from the link
 * @param alias the name we gave them when adding the link
 * @param timestamp when we added the link (Unix ms)
 */
public record PendingContact(PendingContactId id, PublicKey publicKey, String alias, long timestamp) {

    public PendingContact {
        if (publicKey.getType() != KeyType.AGREEMENT) throw new IllegalArgumentException("Not an agreement key");
        Author.validateName(alias);
    }
}
