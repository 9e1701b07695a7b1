package org.thicket.messenger.messaging.api;

import java.util.List;
import java.util.Objects;
import org.thicket.bramble.sync.api.MessageId;

/**
 * A private message as a conversation lists it, without its text (read that with
 * {@link MessagingManager#getMessageText}).
 *
 * @param timestamp the sender's timestamp, ms since the epoch
 * @param local true for a message we sent, false for one the contact sent
 * @param read whether the user has read it; always true for ours
 * @param delivered ours only: whether the contact has acked it (it has the message); always false for theirs
 * @param attachments the attachments it references, in display order (an immutable copy); each may or may not
 *     have arrived yet
 * @param autoDeleteTimer the timer it carries in ms, or {@link MessagingConstants#NO_AUTO_DELETE_TIMER}
 */
public record PrivateMessageHeader(MessageId id, long timestamp, boolean local, boolean read, boolean delivered,
        boolean hasText, List<AttachmentHeader> attachments, long autoDeleteTimer) {

    public PrivateMessageHeader {
        Objects.requireNonNull(id);
        attachments = List.copyOf(attachments);
    }
}
