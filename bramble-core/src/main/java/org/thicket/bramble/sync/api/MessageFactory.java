package org.thicket.bramble.sync.api;

import org.thicket.bramble.util.FormatException;

/** Creates messages with their derived IDs, from their fields or from their raw form as received. */
public interface MessageFactory {

    /**
     * A message with ID H("org.briarproject.bramble/MESSAGE_ID", [0x01], groupId, uint64 timestamp, rootHash),
     * rootHash = H("org.briarproject.bramble/MESSAGE_BLOCK", [0x01], body).
     *
     * @throws IllegalArgumentException for a negative timestamp or a body that is empty or over
     *         {@link Message#MAX_BODY_LENGTH} bytes
     */
    Message createMessage(GroupId groupId, long timestamp, byte[] body);

    /**
     * Parses a raw message, groupId (32) || uint64 timestamp || body, from untrusted bytes and derives its ID.
     *
     * @throws FormatException if it is shorter than a header plus one byte of body, longer than
     *         {@link Message#MAX_LENGTH}, or its timestamp is negative (top bit set)
     */
    Message createMessage(byte[] raw) throws FormatException;
}
