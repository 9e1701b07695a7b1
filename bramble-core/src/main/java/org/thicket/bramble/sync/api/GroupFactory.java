package org.thicket.bramble.sync.api;

/** Creates groups with their derived IDs. */
public interface GroupFactory {

    /**
     * A group with ID H("org.briarproject.bramble/GROUP_ID", [0x01], utf8(clientId), uint32 majorVersion,
     * descriptor).
     *
     * @throws IllegalArgumentException for a negative major version or a descriptor over
     *         {@link Group#MAX_DESCRIPTOR_LENGTH} bytes
     */
    Group createGroup(ClientId clientId, int majorVersion, byte[] descriptor);
}
