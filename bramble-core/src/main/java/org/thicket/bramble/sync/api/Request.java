package org.thicket.bramble.sync.api;

import java.util.List;

/** REQUEST (type 3): the sender asks for these offered messages. */
public record Request(List<MessageId> messageIds) implements SyncRecord {

    public Request {
        messageIds = MessageIdList.nonEmptyCopy(messageIds, "Request");
    }
}
