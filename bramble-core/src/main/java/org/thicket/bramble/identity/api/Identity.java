package org.thicket.bramble.identity.api;

import org.thicket.bramble.crypto.api.KeyPair;
import org.thicket.bramble.crypto.api.KeyType;

/**
 * The account's identity: our pseudonym plus the long-term X25519 handshake key pair that links and rendezvous
 * (BRP/BHP) are built on.
 */
public record Identity(LocalAuthor localAuthor, KeyPair handshakeKeyPair, long created) {

    public Identity {
        if (handshakeKeyPair.type() != KeyType.AGREEMENT) throw new IllegalArgumentException("Not an agreement key pair");
    }

    public AuthorId id() {
        return localAuthor.id();
    }
}
