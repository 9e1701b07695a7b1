package org.thicket.bramble.contact.api;

import org.thicket.bramble.util.UniqueId;

/** H("org.briarproject.bramble/HANDSHAKE_KEY_ID", handshake public key) of someone we are adding by link. */
public final class PendingContactId extends UniqueId {

    public static final String LABEL = "org.briarproject.bramble/HANDSHAKE_KEY_ID";

    public PendingContactId(byte[] id) {
        super(id);
    }
}
