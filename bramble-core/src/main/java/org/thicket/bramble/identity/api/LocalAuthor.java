package org.thicket.bramble.identity.api;

import org.thicket.bramble.crypto.api.KeyType;
import org.thicket.bramble.crypto.api.PrivateKey;

/** Our own pseudonym, with the Ed25519 private seed that signs for it. */
public record LocalAuthor(Author author, PrivateKey privateKey) {

    public LocalAuthor {
        if (privateKey.getType() != KeyType.SIGNATURE) throw new IllegalArgumentException("Not a signature key");
    }

    public AuthorId id() {
        return author.id();
    }
}
