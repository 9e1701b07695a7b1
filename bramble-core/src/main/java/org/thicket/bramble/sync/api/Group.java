package org.thicket.bramble.sync.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * A set of messages of one client, replicated to the contacts it is visible to. The ID is a hash of the other
 * fields; deriving it is the sync layer's job, so this type takes it as given.
 */
public final class Group {

    public static final int MAX_DESCRIPTOR_LENGTH = 16 * 1024;

    private final GroupId id;
    private final ClientId clientId;
    private final int majorVersion;
    private final byte[] descriptor;

    public Group(GroupId id, ClientId clientId, int majorVersion, byte[] descriptor) {
        if (majorVersion < 0) throw new IllegalArgumentException("Negative major version " + majorVersion);
        if (descriptor.length > MAX_DESCRIPTOR_LENGTH) {
            throw new IllegalArgumentException("A group descriptor is at most " + MAX_DESCRIPTOR_LENGTH
                    + " bytes, not " + descriptor.length);
        }
        this.id = Objects.requireNonNull(id);
        this.clientId = Objects.requireNonNull(clientId);
        this.majorVersion = majorVersion;
        this.descriptor = descriptor.clone();
    }

    public GroupId getId() {
        return id;
    }

    public ClientId getClientId() {
        return clientId;
    }

    public int getMajorVersion() {
        return majorVersion;
    }

    public byte[] getDescriptor() {
        return descriptor.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Group g && g.id.equals(id) && g.clientId.equals(clientId)
                && g.majorVersion == majorVersion && Arrays.equals(g.descriptor, descriptor);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Group(" + id + ", " + clientId.value() + " v" + majorVersion + ")";
    }
}
