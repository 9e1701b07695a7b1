package org.thicket.bramble.sync.api;

import java.util.List;

/** The rule shared by the ID-list records: at least one ID. The writer splits long lists over several records. */
final class MessageIdList {

    private MessageIdList() {
    }

    static List<MessageId> nonEmptyCopy(List<MessageId> ids, String record) {
        List<MessageId> copy = List.copyOf(ids);
        if (copy.isEmpty()) throw new IllegalArgumentException(record + " needs at least one message ID");
        return copy;
    }
}
