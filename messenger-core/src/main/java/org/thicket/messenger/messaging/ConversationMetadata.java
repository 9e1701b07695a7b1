package org.thicket.messenger.messaging;

import static org.thicket.messenger.messaging.api.MessagingConstants.MSG_KEY_ATTACHMENT_HEADERS;
import static org.thicket.messenger.messaging.api.MessagingConstants.MSG_KEY_AUTO_DELETE_TIMER;
import static org.thicket.messenger.messaging.api.MessagingConstants.MSG_KEY_CONTENT_TYPE;
import static org.thicket.messenger.messaging.api.MessagingConstants.MSG_KEY_DELIVERED;
import static org.thicket.messenger.messaging.api.MessagingConstants.MSG_KEY_HAS_TEXT;
import static org.thicket.messenger.messaging.api.MessagingConstants.MSG_KEY_LOCAL;
import static org.thicket.messenger.messaging.api.MessagingConstants.MSG_KEY_MSG_TYPE;
import static org.thicket.messenger.messaging.api.MessagingConstants.MSG_KEY_READ;
import static org.thicket.messenger.messaging.api.MessagingConstants.MSG_KEY_TIMESTAMP;
import static org.thicket.messenger.messaging.api.MessagingConstants.NO_AUTO_DELETE_TIMER;
import static org.thicket.messenger.messaging.api.MessagingConstants.PRIVATE_MESSAGE;

import java.util.ArrayList;
import java.util.List;
import org.thicket.bramble.data.api.BdfDictionary;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.util.FormatException;
import org.thicket.bramble.util.UniqueId;
import org.thicket.messenger.messaging.api.AttachmentHeader;
import org.thicket.messenger.messaging.api.PrivateMessageHeader;

/**
 * Reads the stored metadata of a message (the spec's metadata table) back into value types. The metadata was
 * written by our validator or for our own messages, so a malformed entry means damaged storage.
 */
final class ConversationMetadata {

    private ConversationMetadata() {
    }

    static boolean isPrivateMessage(BdfDictionary meta) throws FormatException {
        return meta.getLong(MSG_KEY_MSG_TYPE) == PRIVATE_MESSAGE;
    }

    static PrivateMessageHeader header(MessageId id, BdfDictionary meta) throws FormatException {
        Long timer = meta.getOptionalLong(MSG_KEY_AUTO_DELETE_TIMER);
        return new PrivateMessageHeader(id, meta.getLong(MSG_KEY_TIMESTAMP), meta.getBoolean(MSG_KEY_LOCAL),
                meta.getBoolean(MSG_KEY_READ), Boolean.TRUE.equals(meta.getOptionalBoolean(MSG_KEY_DELIVERED)),
                meta.getBoolean(MSG_KEY_HAS_TEXT), attachmentHeaders(meta.getList(MSG_KEY_ATTACHMENT_HEADERS)),
                timer == null ? NO_AUTO_DELETE_TIMER : timer);
    }

    /** The header an attachment message's metadata describes. */
    static AttachmentHeader attachmentHeader(MessageId id, BdfDictionary meta) throws FormatException {
        return new AttachmentHeader(id, meta.getString(MSG_KEY_CONTENT_TYPE));
    }

    private static List<AttachmentHeader> attachmentHeaders(BdfList list) throws FormatException {
        List<AttachmentHeader> headers = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            BdfList header = list.getList(i);
            headers.add(new AttachmentHeader(new MessageId(header.getRawOfLength(0, UniqueId.LENGTH)),
                    header.getString(1)));
        }
        return headers;
    }
}
