package org.thicket.messenger.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thicket.messenger.messaging.api.MessagingConstants.MAX_CLOCK_DIFFERENCE_MS;
import static org.thicket.messenger.messaging.api.MessagingConstants.MIN_AUTO_DELETE_TIMER_MS;
import static org.thicket.messenger.messaging.api.MessagingConstants.MSG_KEY_AUTO_DELETE_TIMER;
import static org.thicket.messenger.messaging.api.MessagingConstants.MSG_KEY_DESCRIPTOR_LENGTH;
import static org.thicket.messenger.messaging.api.MessagingConstants.NO_AUTO_DELETE_TIMER;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.sync.api.GroupId;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.test.SettableClock;
import org.thicket.bramble.util.Bytes;
import org.thicket.bramble.util.FormatException;
import org.thicket.messenger.messaging.api.Attachment;
import org.thicket.messenger.messaging.api.AttachmentHeader;
import org.thicket.messenger.messaging.api.PrivateMessage;
import org.thicket.messenger.messaging.api.ValidatedMessage;

class PrivateMessageValidatorImplTest {

    private static final MessageId ATTACHMENT_ID = new MessageId(new byte[32]);

    private final SettableClock clock = new SettableClock();
    private final PrivateMessageValidatorImpl validator = MessagingFixture.validator(clock);
    private final PrivateMessageFactoryImpl factory = MessagingFixture.factory();

    @Test
    void attachmentDataIsEverythingAfterTheHeaderEvenIfItLooksLikeBdf() throws FormatException {
        byte[] data = MessagingFixture.CODEC.encode(BdfList.of(0, "not a message", new BdfList()));
        byte[] body = factory.createAttachmentBody(new Attachment("image/png", data));

        ValidatedMessage result = validator.validate(clock.currentTimeMillis(), body);

        Attachment attachment = (Attachment) result.body();
        assertThat(attachment.getData()).isEqualTo(data);
        long offset = result.metadata().getLong(MSG_KEY_DESCRIPTOR_LENGTH);
        assertThat(Arrays.copyOfRange(body, (int) offset, body.length)).isEqualTo(data);
    }

    @Test
    void absentAndNullTimersBothMeanNoTimerAndAreNotStored() throws FormatException {
        byte[] absent = MessagingFixture.CODEC.encode(BdfList.of(0, "hi", new BdfList()));
        byte[] nullTimer = MessagingFixture.CODEC.encode(BdfList.of(0, "hi", new BdfList(), null));

        for (byte[] body : List.of(absent, nullTimer)) {
            ValidatedMessage result = validator.validate(clock.currentTimeMillis(), body);
            assertThat(((PrivateMessage) result.body()).autoDeleteTimer()).isEqualTo(NO_AUTO_DELETE_TIMER);
            assertThat(result.metadata()).doesNotContainKey(MSG_KEY_AUTO_DELETE_TIMER);
        }
    }

    @Test
    void theTimestampRuleFollowsTheClock() throws FormatException {
        long timestamp = clock.currentTimeMillis() + MAX_CLOCK_DIFFERENCE_MS + 1;
        byte[] body = factory.createPrivateMessageBody(PrivateMessage.ofText("early"));

        assertThatThrownBy(() -> validator.validate(timestamp, body)).isInstanceOf(FormatException.class)
                .hasMessageContaining("ahead of the local clock");
        clock.advance(1);
        assertThat(validator.validate(timestamp, body).body()).isEqualTo(PrivateMessage.ofText("early"));
    }

    @Test
    void validatesASyncMessageByItsTimestampAndBody() throws FormatException {
        byte[] body = factory.createPrivateMessageBody(PrivateMessage.ofText("hello"));
        long future = clock.currentTimeMillis() + 2 * MAX_CLOCK_DIFFERENCE_MS;
        MessageId id = new MessageId(new byte[32]);
        GroupId group = new GroupId(new byte[32]);
        Message now = new Message(id, group, clock.currentTimeMillis(), body);
        Message tooLate = new Message(id, group, future, body);

        assertThat(validator.validate(now).body()).isEqualTo(PrivateMessage.ofText("hello"));
        assertThatThrownBy(() -> validator.validate(tooLate)).isInstanceOf(FormatException.class);
    }

    @Test
    void eachValidationReturnsItsOwnMetadata() throws FormatException {
        AttachmentHeader header = new AttachmentHeader(ATTACHMENT_ID, "image/jpeg");
        byte[] body = factory.createPrivateMessageBody(
                new PrivateMessage("hi", List.of(header), MIN_AUTO_DELETE_TIMER_MS));
        ValidatedMessage first = validator.validate(1000, body);
        first.metadata().clear();

        assertThat(validator.validate(1000, body).metadata()).isNotEmpty();
    }

    @Test
    void errorsNameTheMessageKindAndTheBrokenRule() {
        assertThatThrownBy(() -> validator.parse(encode(BdfList.of(0, "hi", BdfList.of(
                BdfList.of(ATTACHMENT_ID.getBytes(), "image/png"), BdfList.of(new byte[31], "image/png"))))))
                .isInstanceOf(FormatException.class)
                .hasMessage("Private message: Attachment header 1: Element 0: raw of 31 bytes, expected exactly 32");
        assertThatThrownBy(() -> validator.parse(encode(BdfList.of(5L))))
                .hasMessage("Legacy private message: Element 0: expected STRING, found INTEGER");
        assertThatThrownBy(() -> validator.parse(encode(BdfList.of(7, "x"))))
                .hasMessage("Unknown message type 7");
        assertThatThrownBy(() -> validator.parse(encode(BdfList.of(0, null, new BdfList()))))
                .hasMessage("Private message: Neither text nor attachments");
        assertThatThrownBy(() -> validator.parse(encode(BdfList.of(0, "x", new BdfList(), 59_999L))))
                .hasMessageStartingWith("Private message: Auto-delete timer 59999 ms is outside");
        assertThatThrownBy(() -> validator.parse(Bytes.concat(encode(BdfList.of(1, "image/png")), new byte[32_669])))
                .hasMessage("Attachment: 32669 bytes of data, more than 32668");
    }

    private static byte[] encode(BdfList list) {
        return MessagingFixture.CODEC.encode(list);
    }
}
