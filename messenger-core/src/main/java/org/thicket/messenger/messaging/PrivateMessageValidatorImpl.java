package org.thicket.messenger.messaging;

import static org.thicket.messenger.messaging.api.MessagingConstants.ATTACHMENT;
import static org.thicket.messenger.messaging.api.MessagingConstants.MAX_ATTACHMENTS_PER_MESSAGE;
import static org.thicket.messenger.messaging.api.MessagingConstants.MAX_AUTO_DELETE_TIMER_MS;
import static org.thicket.messenger.messaging.api.MessagingConstants.MAX_CLOCK_DIFFERENCE_MS;
import static org.thicket.messenger.messaging.api.MessagingConstants.MAX_CONTENT_TYPE_BYTES;
import static org.thicket.messenger.messaging.api.MessagingConstants.MAX_IMAGE_SIZE;
import static org.thicket.messenger.messaging.api.MessagingConstants.MAX_PRIVATE_MESSAGE_TEXT_LENGTH;
import static org.thicket.messenger.messaging.api.MessagingConstants.MIN_AUTO_DELETE_TIMER_MS;
import static org.thicket.messenger.messaging.api.MessagingConstants.MSG_KEY_ATTACHMENT_HEADERS;
import static org.thicket.messenger.messaging.api.MessagingConstants.MSG_KEY_AUTO_DELETE_TIMER;
import static org.thicket.messenger.messaging.api.MessagingConstants.MSG_KEY_CONTENT_TYPE;
import static org.thicket.messenger.messaging.api.MessagingConstants.MSG_KEY_DESCRIPTOR_LENGTH;
import static org.thicket.messenger.messaging.api.MessagingConstants.MSG_KEY_HAS_TEXT;
import static org.thicket.messenger.messaging.api.MessagingConstants.MSG_KEY_LOCAL;
import static org.thicket.messenger.messaging.api.MessagingConstants.MSG_KEY_MSG_TYPE;
import static org.thicket.messenger.messaging.api.MessagingConstants.MSG_KEY_READ;
import static org.thicket.messenger.messaging.api.MessagingConstants.MSG_KEY_TIMESTAMP;
import static org.thicket.messenger.messaging.api.MessagingConstants.NO_AUTO_DELETE_TIMER;
import static org.thicket.messenger.messaging.api.MessagingConstants.PRIVATE_MESSAGE;

import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.thicket.bramble.data.api.BdfCodec;
import org.thicket.bramble.data.api.BdfDictionary;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.util.FormatException;
import org.thicket.bramble.util.UniqueId;
import org.thicket.messenger.messaging.api.Attachment;
import org.thicket.messenger.messaging.api.AttachmentHeader;
import org.thicket.messenger.messaging.api.MessagingBody;
import org.thicket.messenger.messaging.api.MessagingConstants;
import org.thicket.messenger.messaging.api.PrivateMessage;
import org.thicket.messenger.messaging.api.PrivateMessageValidator;
import org.thicket.messenger.messaging.api.ValidatedMessage;

/**
 * Every check happens on parsed BDF before a value type is built, so the value types' own IllegalArgumentException
 * checks never fire here: a peer's bad input surfaces as FormatException only.
 */
final class PrivateMessageValidatorImpl implements PrivateMessageValidator {

    @FunctionalInterface
    private interface Parse<T> {
        T run() throws FormatException;
    }

    private final BdfCodec codec;
    private final Clock clock;

    @Inject
    PrivateMessageValidatorImpl(BdfCodec codec, Clock clock) {
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public ValidatedMessage validate(long timestamp, byte[] body) throws FormatException {
        checkTimestamp(timestamp);
        MessagingBody parsed = parse(body);
        return new ValidatedMessage(parsed, metadata(timestamp, parsed, body.length), List.of());
    }

    @Override
    public MessagingBody parse(byte[] body) throws FormatException {
        if (body.length == 0 || body.length > Message.MAX_BODY_LENGTH) {
            throw new FormatException("A message body is 1 to " + Message.MAX_BODY_LENGTH + " bytes, not "
                    + body.length);
        }
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        BdfList list = readList(in);
        int after = in.available(); // the reader consumed exactly the list
        if (list.size() == 1) return within("Legacy private message", () -> parseLegacy(list, after));
        if (list.isEmpty()) throw new FormatException("Empty list: no message type");
        long type = within("Message type", () -> list.getLong(0));
        if (type == PRIVATE_MESSAGE) return within("Private message", () -> parsePrivateMessage(list, after));
        if (type == ATTACHMENT) {
            byte[] data = Arrays.copyOfRange(body, body.length - after, body.length);
            return within("Attachment", () -> parseAttachment(list, data));
        }
        throw new FormatException("Unknown message type " + type);
    }

    private void checkTimestamp(long timestamp) throws FormatException {
        if (timestamp < 0) throw new FormatException("Negative timestamp " + timestamp);
        long ahead = timestamp - clock.currentTimeMillis();
        if (ahead > MAX_CLOCK_DIFFERENCE_MS) {
            throw new FormatException("Timestamp is " + ahead + " ms ahead of the local clock, more than "
                    + MAX_CLOCK_DIFFERENCE_MS);
        }
    }

    private BdfList readList(ByteArrayInputStream in) throws FormatException {
        try {
            return codec.createReader(in).readList();
        } catch (FormatException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("A byte array stream cannot fail", e);
        }
    }

    private static PrivateMessage parseLegacy(BdfList list, int trailing) throws FormatException {
        requireNothingAfterList(trailing);
        return PrivateMessage.ofText(list.getString(0, MAX_PRIVATE_MESSAGE_TEXT_LENGTH));
    }

    private static PrivateMessage parsePrivateMessage(BdfList list, int trailing) throws FormatException {
        requireNothingAfterList(trailing);
        if (list.size() != 3 && list.size() != 4) {
            throw new FormatException("List of " + list.size() + " elements, expected 3 or 4");
        }
        String text = list.getOptionalString(1, MAX_PRIVATE_MESSAGE_TEXT_LENGTH);
        List<AttachmentHeader> headers = parseHeaders(list.getList(2));
        if (text == null && headers.isEmpty()) throw new FormatException("Neither text nor attachments");
        long timer = list.size() == 4 ? parseTimer(list.getOptionalLong(3)) : NO_AUTO_DELETE_TIMER;
        return new PrivateMessage(text, headers, timer);
    }

    private static List<AttachmentHeader> parseHeaders(BdfList list) throws FormatException {
        if (list.size() > MAX_ATTACHMENTS_PER_MESSAGE) {
            throw new FormatException(list.size() + " attachment headers, more than " + MAX_ATTACHMENTS_PER_MESSAGE);
        }
        List<AttachmentHeader> headers = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            int index = i;
            headers.add(within("Attachment header " + i, () -> parseHeader(list.getList(index))));
        }
        return headers;
    }

    private static AttachmentHeader parseHeader(BdfList header) throws FormatException {
        if (header.size() != 2) throw new FormatException("List of " + header.size() + " elements, expected 2");
        MessageId id = new MessageId(header.getRawOfLength(0, UniqueId.LENGTH));
        return new AttachmentHeader(id, parseContentType(header));
    }

    /** A NULL timer, which a peer may send for "none", means the same as an absent one. */
    private static long parseTimer(Long timer) throws FormatException {
        if (timer == null) return NO_AUTO_DELETE_TIMER;
        if (!MessagingConstants.isAutoDeleteTimerInRange(timer)) {
            throw new FormatException("Auto-delete timer " + timer + " ms is outside " + MIN_AUTO_DELETE_TIMER_MS
                    + ".." + MAX_AUTO_DELETE_TIMER_MS);
        }
        return timer;
    }

    private static Attachment parseAttachment(BdfList header, byte[] data) throws FormatException {
        if (header.size() != 2) throw new FormatException("Header list of " + header.size() + " elements, expected 2");
        String contentType = parseContentType(header);
        if (data.length > MAX_IMAGE_SIZE) {
            throw new FormatException(data.length + " bytes of data, more than " + MAX_IMAGE_SIZE);
        }
        return new Attachment(contentType, data);
    }

    /** Element 1 of an attachment header or an attachment message's header. */
    private static String parseContentType(BdfList list) throws FormatException {
        String contentType = list.getString(1, MAX_CONTENT_TYPE_BYTES);
        if (contentType.isEmpty()) throw new FormatException("Empty content type");
        return contentType;
    }

    private static void requireNothingAfterList(int trailing) throws FormatException {
        if (trailing != 0) throw new FormatException(trailing + " bytes after the list");
    }

    private static BdfDictionary metadata(long timestamp, MessagingBody parsed, int bodyLength) {
        BdfDictionary meta = new BdfDictionary()
                .with(MSG_KEY_TIMESTAMP, timestamp)
                .with(MSG_KEY_LOCAL, false)
                .with(MSG_KEY_MSG_TYPE, parsed.messageType());
        if (parsed instanceof PrivateMessage message) {
            meta.put(MSG_KEY_READ, false);
            meta.put(MSG_KEY_HAS_TEXT, message.hasText());
            meta.put(MSG_KEY_ATTACHMENT_HEADERS, PrivateMessageFactoryImpl.toBdf(message.attachments()));
            if (message.hasAutoDeleteTimer()) meta.put(MSG_KEY_AUTO_DELETE_TIMER, message.autoDeleteTimer());
        } else {
            Attachment attachment = (Attachment) parsed;
            meta.put(MSG_KEY_CONTENT_TYPE, attachment.getContentType());
            // Where the raw data starts in the body, so storage can hand it out without parsing the header again.
            meta.put(MSG_KEY_DESCRIPTOR_LENGTH, bodyLength - attachment.getData().length);
        }
        return meta;
    }

    private static <T> T within(String context, Parse<T> parse) throws FormatException {
        try {
            return parse.run();
        } catch (FormatException e) {
            throw new FormatException(context + ": " + e.getMessage(), e);
        }
    }
}
