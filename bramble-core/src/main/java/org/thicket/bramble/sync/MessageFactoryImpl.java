package org.thicket.bramble.sync;

import jakarta.inject.Inject;
import java.util.Arrays;
import org.thicket.bramble.crypto.api.CryptoComponent;
import org.thicket.bramble.sync.api.GroupId;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageFactory;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.SyncConstants;
import org.thicket.bramble.util.Bytes;
import org.thicket.bramble.util.FormatException;
import org.thicket.bramble.util.UniqueId;

final class MessageFactoryImpl implements MessageFactory {

    private static final byte[] FORMAT_VERSION = {SyncConstants.MESSAGE_FORMAT_VERSION};

    private final CryptoComponent crypto;

    @Inject
    MessageFactoryImpl(CryptoComponent crypto) {
        this.crypto = crypto;
    }

    @Override
    public Message createMessage(GroupId groupId, long timestamp, byte[] body) {
        // Message checks the timestamp and body length.
        return new Message(deriveId(groupId, timestamp, body), groupId, timestamp, body);
    }

    @Override
    public Message createMessage(byte[] raw) throws FormatException {
        if (raw.length <= Message.HEADER_LENGTH) {
            throw new FormatException("A raw message of " + raw.length + " bytes is too short: it needs a "
                    + Message.HEADER_LENGTH + "-byte header and a body of at least one byte");
        }
        if (raw.length > Message.MAX_LENGTH) {
            throw new FormatException("A raw message of " + raw.length + " bytes is too long: the limit is "
                    + Message.MAX_LENGTH);
        }
        long timestamp = Bytes.readInt64(raw, UniqueId.LENGTH);
        if (timestamp < 0) throw new FormatException("A raw message has a negative timestamp");
        GroupId groupId = new GroupId(Arrays.copyOf(raw, UniqueId.LENGTH));
        byte[] body = Arrays.copyOfRange(raw, Message.HEADER_LENGTH, raw.length);
        return new Message(deriveId(groupId, timestamp, body), groupId, timestamp, body);
    }

    /** The body is hashed as one block, the root of a one-leaf tree: room for multi-block messages later. */
    private MessageId deriveId(GroupId groupId, long timestamp, byte[] body) {
        byte[] rootHash = crypto.hash(MessageId.BLOCK_LABEL, FORMAT_VERSION, body);
        return new MessageId(crypto.hash(MessageId.LABEL, FORMAT_VERSION, groupId.getBytes(), Bytes.int64(timestamp),
                rootHash));
    }
}
