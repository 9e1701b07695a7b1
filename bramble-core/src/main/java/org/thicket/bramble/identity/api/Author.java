package org.thicket.bramble.identity.api;

import java.nio.charset.StandardCharsets;
import org.thicket.bramble.crypto.api.KeyType;
import org.thicket.bramble.crypto.api.PublicKey;

/** A pseudonym: a nickname and an Ed25519 public key, identified by a hash of both. */
public record Author(AuthorId id, int formatVersion, String name, PublicKey publicKey) {

    public static final int FORMAT_VERSION = 1;
    public static final int MAX_NAME_BYTES = 50;

    public Author {
        if (formatVersion != FORMAT_VERSION) throw new IllegalArgumentException("Unknown author format " + formatVersion);
        if (publicKey.getType() != KeyType.SIGNATURE) throw new IllegalArgumentException("Not a signature key");
        validateName(name);
    }

    /** @throws IllegalArgumentException if the name is empty or longer than 50 UTF-8 bytes */
    public static void validateName(String name) {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("A nickname is 1 to " + MAX_NAME_BYTES + " UTF-8 bytes, not " + bytes);
        }
    }
}
