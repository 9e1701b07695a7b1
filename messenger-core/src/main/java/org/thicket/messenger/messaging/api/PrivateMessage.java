package org.thicket.messenger.messaging.api;

import static org.thicket.messenger.messaging.api.MessagingConstants.MAX_ATTACHMENTS_PER_MESSAGE;
import static org.thicket.messenger.messaging.api.MessagingConstants.MAX_PRIVATE_MESSAGE_TEXT_LENGTH;
import static org.thicket.messenger.messaging.api.MessagingConstants.NO_AUTO_DELETE_TIMER;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A private message: optional text, up to 10 attachment references and an optional disappearing-message timer.
 * It always carries something: text (possibly empty) or at least one attachment.
 *
 * @param text the text, or {@code null} for none; at most 30,720 bytes of UTF-8
 * @param attachments the referenced attachments in order (an immutable copy)
 * @param autoDeleteTimer the timer in ms, 1 minute to 365 days, or {@link MessagingConstants#NO_AUTO_DELETE_TIMER}
 */
public record PrivateMessage(String text, List<AttachmentHeader> attachments, long autoDeleteTimer)
        implements MessagingBody {

    public PrivateMessage {
        attachments = List.copyOf(attachments);
        if (text != null) {
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_PRIVATE_MESSAGE_TEXT_LENGTH) {
                throw new IllegalArgumentException("The text is " + bytes + " UTF-8 bytes, more than "
                        + MAX_PRIVATE_MESSAGE_TEXT_LENGTH);
            }
        } else if (attachments.isEmpty()) {
            throw new IllegalArgumentException("A private message needs text or at least one attachment");
        }
        if (attachments.size() > MAX_ATTACHMENTS_PER_MESSAGE) {
            throw new IllegalArgumentException(attachments.size() + " attachments, more than "
                    + MAX_ATTACHMENTS_PER_MESSAGE);
        }
        if (autoDeleteTimer != NO_AUTO_DELETE_TIMER && !MessagingConstants.isAutoDeleteTimerInRange(autoDeleteTimer)) {
            throw new IllegalArgumentException("Auto-delete timer " + autoDeleteTimer + " ms is out of range");
        }
    }

    /** A message with text only and no timer. */
    public static PrivateMessage ofText(String text) {
        return new PrivateMessage(text, List.of(), NO_AUTO_DELETE_TIMER);
    }

    @Override
    public int messageType() {
        return MessagingConstants.PRIVATE_MESSAGE;
    }

    public boolean hasText() {
        return text != null;
    }

    public boolean hasAutoDeleteTimer() {
        return autoDeleteTimer != NO_AUTO_DELETE_TIMER;
    }
}
