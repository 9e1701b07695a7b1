package org.thicket.bramble.sync.api;

import java.util.List;

/** ACK (type 0): the sender has these messages (received or offered), so they need not be offered or sent to it. */
public record Ack(List<MessageId> messageIds) implements SyncRecord {

    public Ack {
        messageIds = MessageIdList.nonEmptyCopy(messageIds, "Ack");
    }
}
