package org.thicket.bramble.identity.api;

import org.thicket.bramble.crypto.api.PublicKey;

/** Builds authors with their derived IDs, for our own identity and for pseudonyms received from peers. */
public interface AuthorFactory {

    /**
     * @throws IllegalArgumentException if the name is empty or over 50 UTF-8 bytes, or the key is not a signature key
     */
    Author createAuthor(String name, PublicKey publicKey);
}
