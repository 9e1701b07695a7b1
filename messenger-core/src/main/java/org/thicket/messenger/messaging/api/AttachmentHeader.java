package org.thicket.messenger.messaging.api;

import static org.thicket.messenger.messaging.api.MessagingConstants.MAX_CONTENT_TYPE_BYTES;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.thicket.bramble.sync.api.MessageId;

/**
 * A private message's reference to one attachment: the ID of the attachment message (in the same group) and the
 * content type it announces, which lets the conversation show a placeholder before the attachment arrives.
 */
public record AttachmentHeader(MessageId messageId, String contentType) {

    public AttachmentHeader {
        Objects.requireNonNull(messageId);
        validateContentType(contentType);
    }

    /** @throws IllegalArgumentException unless the content type is 1 to 80 bytes of UTF-8 */
    public static void validateContentType(String contentType) {
        int bytes = contentType.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > MAX_CONTENT_TYPE_BYTES) {
            throw new IllegalArgumentException("A content type is 1 to " + MAX_CONTENT_TYPE_BYTES
                    + " UTF-8 bytes, not " + bytes);
        }
    }
}
