package org.thicket.bramble.sync.api;

import java.util.List;

/** OFFER (type 2): the sender has these messages and will send any of them the recipient requests. */
public record Offer(List<MessageId> messageIds) implements SyncRecord {

    public Offer {
        messageIds = MessageIdList.nonEmptyCopy(messageIds, "Offer");
    }
}
