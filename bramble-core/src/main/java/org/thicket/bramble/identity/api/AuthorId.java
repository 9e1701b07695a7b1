package org.thicket.bramble.identity.api;

import org.thicket.bramble.util.UniqueId;

/** H("org.briarproject.bramble/AUTHOR_ID", uint32 formatVersion, name, publicKey): see specs/crypto.md. */
public final class AuthorId extends UniqueId {

    public static final String LABEL = "org.briarproject.bramble/AUTHOR_ID";

    public AuthorId(byte[] id) {
        super(id);
    }
}
