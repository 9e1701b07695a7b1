package org.thicket.messenger.headless.api;

import java.util.List;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.util.Bytes;
import org.thicket.messenger.messaging.api.AttachmentHeader;
import org.thicket.messenger.messaging.api.MessagingConstants;
import org.thicket.messenger.messaging.api.PrivateMessageHeader;

/**
 * A private message as the API shows it, in the conversation and in events.
 *
 * @param messageId 64 hex digits
 * @param text null if the message has none
 * @param autoDeleteTimer in ms, or null if the message does not disappear
 */
record MessageJson(String messageId, int contactId, long timestamp, boolean local, boolean read, boolean delivered,
        String text, List<AttachmentJson> attachments, Long autoDeleteTimer) {

    /** @param messageId 64 hex digits */
    record AttachmentJson(String messageId, String contentType) {
    }

    static MessageJson of(ContactId contactId, PrivateMessageHeader header, String text) {
        List<AttachmentJson> attachments = header.attachments().stream().map(MessageJson::attachment).toList();
        Long timer = header.autoDeleteTimer() == MessagingConstants.NO_AUTO_DELETE_TIMER
                ? null : header.autoDeleteTimer();
        return new MessageJson(Bytes.toHex(header.id().getBytes()), contactId.value(), header.timestamp(),
                header.local(), header.read(), header.delivered(), text, attachments, timer);
    }

    private static AttachmentJson attachment(AttachmentHeader header) {
        return new AttachmentJson(Bytes.toHex(header.messageId().getBytes()), header.contentType());
    }
}
