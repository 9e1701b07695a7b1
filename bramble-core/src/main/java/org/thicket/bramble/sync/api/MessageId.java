package org.thicket.bramble.sync.api;

import org.thicket.bramble.util.UniqueId;

/**
 * H("org.briarproject.bramble/MESSAGE_ID", [0x01], groupId, uint64 timestamp, rootHash), where rootHash is
 * H("org.briarproject.bramble/MESSAGE_BLOCK", [0x01], body).
 */
public final class MessageId extends UniqueId {

    public static final String LABEL = "org.briarproject.bramble/MESSAGE_ID";
    public static final String BLOCK_LABEL = "org.briarproject.bramble/MESSAGE_BLOCK";

    public MessageId(byte[] id) {
        super(id);
    }
}
