package org.thicket.bramble.sync.api;

import java.util.Arrays;
import java.util.Objects;
import org.thicket.bramble.util.Bytes;
import org.thicket.bramble.util.UniqueId;

/**
 * An immutable message in a group. Its raw form, as stored and sent, is groupId (32) || uint64 timestamp ||
 * body. The ID is a hash of these; deriving it is the sync layer's job, so this type takes it as given.
 */
public final class Message {

    public static final int HEADER_LENGTH = UniqueId.LENGTH + 8;
    public static final int MAX_BODY_LENGTH = 32 * 1024;
    public static final int MAX_LENGTH = HEADER_LENGTH + MAX_BODY_LENGTH;

    private final MessageId id;
    private final GroupId groupId;
    private final long timestamp;
    private final byte[] body;

    public Message(MessageId id, GroupId groupId, long timestamp, byte[] body) {
        if (timestamp < 0) throw new IllegalArgumentException("Negative message timestamp " + timestamp);
        if (body.length == 0 || body.length > MAX_BODY_LENGTH) {
            throw new IllegalArgumentException("A message body is 1 to " + MAX_BODY_LENGTH + " bytes, not "
                    + body.length);
        }
        this.id = Objects.requireNonNull(id);
        this.groupId = Objects.requireNonNull(groupId);
        this.timestamp = timestamp;
        this.body = body.clone();
    }

    public MessageId getId() {
        return id;
    }

    public GroupId getGroupId() {
        return groupId;
    }

    public long getTimestamp() {
        return timestamp;
    }

    public byte[] getBody() {
        return body.clone();
    }

    /** The length of the raw message: header plus body. */
    public int getLength() {
        return HEADER_LENGTH + body.length;
    }

    public byte[] getRaw() {
        return Bytes.concat(groupId.getBytes(), Bytes.int64(timestamp), body);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message m && m.id.equals(id) && m.groupId.equals(groupId)
                && m.timestamp == timestamp && Arrays.equals(m.body, body);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Message(" + id + ")";
    }
}
