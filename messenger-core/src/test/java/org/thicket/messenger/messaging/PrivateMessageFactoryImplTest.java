package org.thicket.messenger.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thicket.messenger.messaging.api.MessagingConstants.MAX_ATTACHMENTS_PER_MESSAGE;
import static org.thicket.messenger.messaging.api.MessagingConstants.MAX_AUTO_DELETE_TIMER_MS;
import static org.thicket.messenger.messaging.api.MessagingConstants.MAX_CONTENT_TYPE_BYTES;
import static org.thicket.messenger.messaging.api.MessagingConstants.MAX_IMAGE_SIZE;
import static org.thicket.messenger.messaging.api.MessagingConstants.MAX_PRIVATE_MESSAGE_TEXT_LENGTH;
import static org.thicket.messenger.messaging.api.MessagingConstants.MIN_AUTO_DELETE_TIMER_MS;
import static org.thicket.messenger.messaging.api.MessagingConstants.NO_AUTO_DELETE_TIMER;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.test.SettableClock;
import org.thicket.bramble.util.FormatException;
import org.thicket.messenger.messaging.api.Attachment;
import org.thicket.messenger.messaging.api.AttachmentHeader;
import org.thicket.messenger.messaging.api.MessagingConstants;
import org.thicket.messenger.messaging.api.PrivateMessage;

/** The value types refuse what the validator would reject, and the largest values still fit one sync message. */
class PrivateMessageFactoryImplTest {

    private static final MessageId ID = new MessageId(new byte[32]);
    private static final AttachmentHeader JPEG = new AttachmentHeader(ID, "image/jpeg");

    private final PrivateMessageFactoryImpl factory = MessagingFixture.factory();
    private final PrivateMessageValidatorImpl validator = MessagingFixture.validator(new SettableClock());

    @Test
    void constantsAreBriarsValues() {
        assertThat(MessagingConstants.CLIENT_ID.value()).isEqualTo("org.briarproject.briar.messaging");
        assertThat(MessagingConstants.MAJOR_VERSION).isZero();
        assertThat(MessagingConstants.MINOR_VERSION).isEqualTo(3);
        assertThat(MAX_PRIVATE_MESSAGE_TEXT_LENGTH).isEqualTo(30_720);
        assertThat(MAX_IMAGE_SIZE).isEqualTo(32_668);
        assertThat(MIN_AUTO_DELETE_TIMER_MS).isEqualTo(60_000L);
        assertThat(MAX_AUTO_DELETE_TIMER_MS).isEqualTo(31_536_000_000L);
    }

    @Test
    void largestPrivateMessageFitsOneSyncMessageAndRoundTrips() throws FormatException {
        String text = "\uD83D\uDE00".repeat(MAX_PRIVATE_MESSAGE_TEXT_LENGTH / 4); // 4 UTF-8 bytes each
        AttachmentHeader longest = new AttachmentHeader(ID, "t".repeat(MAX_CONTENT_TYPE_BYTES));
        PrivateMessage message = new PrivateMessage(text,
                Collections.nCopies(MAX_ATTACHMENTS_PER_MESSAGE, longest), MAX_AUTO_DELETE_TIMER_MS);

        byte[] body = factory.createPrivateMessageBody(message);

        assertThat(body.length).isLessThanOrEqualTo(Message.MAX_BODY_LENGTH);
        assertThat(validator.parse(body)).isEqualTo(message);
    }

    @Test
    void largestAttachmentFitsOneSyncMessageAndRoundTrips() throws FormatException {
        Attachment attachment = new Attachment("t".repeat(MAX_CONTENT_TYPE_BYTES), new byte[MAX_IMAGE_SIZE]);

        byte[] body = factory.createAttachmentBody(attachment);

        assertThat(body.length).isLessThanOrEqualTo(Message.MAX_BODY_LENGTH);
        assertThat(validator.parse(body)).isEqualTo(attachment);
    }

    @Test
    void theTimerIsAFourthElementOnlyWhenThereIsOne() {
        byte[] without = factory.createPrivateMessageBody(PrivateMessage.ofText("x"));
        byte[] with = factory.createPrivateMessageBody(new PrivateMessage("x", List.of(), MIN_AUTO_DELETE_TIMER_MS));

        assertThat(without).containsExactly(0x60, 0x21, 0x00, 0x41, 0x01, 'x', 0x60, 0x80, 0x80);
        assertThat(with)
                .containsExactly(0x60, 0x21, 0x00, 0x41, 0x01, 'x', 0x60, 0x80, 0x24, 0x00, 0x00, 0xea, 0x60, 0x80);
    }

    @Test
    void privateMessageRefusesWhatTheValidatorRejects() {
        assertThatThrownBy(() -> new PrivateMessage(null, List.of(), NO_AUTO_DELETE_TIMER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("text or at least one attachment");
        assertThatThrownBy(() -> PrivateMessage.ofText("\u00e9".repeat(MAX_PRIVATE_MESSAGE_TEXT_LENGTH / 2) + "a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("30721 UTF-8 bytes");
        assertThatThrownBy(() -> new PrivateMessage("x", Collections.nCopies(11, JPEG), NO_AUTO_DELETE_TIMER))
                .isInstanceOf(IllegalArgumentException.class);
        for (long timer : new long[] {0, -2, MIN_AUTO_DELETE_TIMER_MS - 1, MAX_AUTO_DELETE_TIMER_MS + 1}) {
            assertThatThrownBy(() -> new PrivateMessage("x", List.of(), timer))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatCode(() -> new PrivateMessage(null, List.of(JPEG), NO_AUTO_DELETE_TIMER)).doesNotThrowAnyException();
    }

    @Test
    void attachmentsRefuseWhatTheValidatorRejects() {
        assertThatThrownBy(() -> new AttachmentHeader(ID, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AttachmentHeader(ID, "x".repeat(MAX_CONTENT_TYPE_BYTES + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Attachment("image/png", new byte[MAX_IMAGE_SIZE + 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesAreImmutable() {
        List<AttachmentHeader> headers = new ArrayList<>(List.of(JPEG));
        PrivateMessage message = new PrivateMessage(null, headers, NO_AUTO_DELETE_TIMER);
        headers.clear();
        byte[] data = {1, 2, 3};
        Attachment attachment = new Attachment("image/png", data);
        data[0] = 9;
        attachment.getData()[1] = 9;

        assertThat(message.attachments()).containsExactly(JPEG);
        assertThat(attachment.getData()).containsExactly(1, 2, 3);
    }

    @Test
    void textWithoutAUtf8FormIsRefused() {
        assertThatThrownBy(() -> factory.createPrivateMessageBody(PrivateMessage.ofText("\uD800")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
