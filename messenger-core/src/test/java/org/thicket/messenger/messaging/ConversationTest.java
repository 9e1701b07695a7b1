package org.thicket.messenger.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.thicket.messenger.messaging.api.MessagingConstants.MAX_CLOCK_DIFFERENCE_MS;
import static org.thicket.messenger.messaging.api.MessagingConstants.MAX_IMAGE_SIZE;
import static org.thicket.messenger.messaging.api.MessagingConstants.MSG_KEY_DELIVERED;
import static org.thicket.messenger.messaging.api.MessagingConstants.NO_AUTO_DELETE_TIMER;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.client.api.ClientHelper;
import org.thicket.bramble.data.api.BdfDictionary;
import org.thicket.bramble.db.api.NoSuchMessageException;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.messenger.messaging.api.Attachment;
import org.thicket.messenger.messaging.api.AttachmentHeader;
import org.thicket.messenger.messaging.api.AttachmentReceivedEvent;
import org.thicket.messenger.messaging.api.PrivateMessageDeliveredEvent;
import org.thicket.messenger.messaging.api.PrivateMessageHeader;
import org.thicket.messenger.messaging.api.PrivateMessageReceivedEvent;

/** Two whole nodes that are each other's contact, with a courier doing sync's job between them. */
class ConversationTest extends TwoContactsTestCase {

    private static final long ONE_DAY_MS = 24L * 60 * 60 * 1000;

    private static PrivateMessageHeader send(MessagingNode from, String text) throws Exception {
        return from.call(txn -> from.messaging().sendPrivateMessage(txn, from.peer(), text, List.of(),
                NO_AUTO_DELETE_TIMER));
    }

    private static List<PrivateMessageHeader> conversation(MessagingNode node) throws Exception {
        return node.call(txn -> node.messaging().getConversation(txn, node.peer()));
    }

    private static String text(MessagingNode node, MessageId id) throws Exception {
        return node.call(txn -> node.messaging().getMessageText(txn, id));
    }

    private static int unread(MessagingNode node) throws Exception {
        return node.call(txn -> node.messaging().getUnreadCount(txn, node.peer()));
    }

    private static void setRead(MessagingNode node, MessageId id, boolean read) throws Exception {
        node.call(txn -> {
            node.messaging().setReadFlag(txn, node.peer(), id, read);
            return null;
        });
    }

    private static Optional<Attachment> attachment(MessagingNode node, AttachmentHeader header) throws Exception {
        return node.call(txn -> node.messaging().getAttachment(txn, node.peer(), header));
    }

    @Test
    void aMessageArrivesOnceUnreadAndIsDeliveredOnlyWhenTheAckComesBack() throws Exception {
        PrivateMessageHeader sent = send(alice, "hello Bob");
        assertThat(sent).isEqualTo(new PrivateMessageHeader(sent.id(), alice.clock().currentTimeMillis(), true, true,
                false, true, List.of(), NO_AUTO_DELETE_TIMER));
        assertThat(conversation(alice)).containsExactly(sent);

        List<Message> moved = Courier.moveMessages(alice, bob);

        assertThat(moved).extracting(Message::getId).containsExactly(sent.id());
        PrivateMessageHeader received = new PrivateMessageHeader(sent.id(), sent.timestamp(), false, false, false,
                true, List.of(), NO_AUTO_DELETE_TIMER);
        assertThat(conversation(bob)).containsExactly(received);
        assertThat(text(bob, sent.id())).isEqualTo("hello Bob");
        assertThat(unread(bob)).isEqualTo(1);
        assertThat(bob.await(PrivateMessageReceivedEvent.class, e -> true))
                .isEqualTo(new PrivateMessageReceivedEvent(bob.peer(), received));

        assertThat(Courier.receive(bob, moved)).as("a second copy is not new").containsExactly(false);
        assertThat(conversation(bob)).containsExactly(received);
        assertThat(bob.events(PrivateMessageReceivedEvent.class)).hasSize(1);

        assertThat(conversation(alice)).as("not delivered before the ack arrives").containsExactly(sent);
        assertThat(Courier.moveAcks(bob, alice)).containsExactly(sent.id());
        assertThat(alice.await(PrivateMessageDeliveredEvent.class, e -> true))
                .isEqualTo(new PrivateMessageDeliveredEvent(alice.peer(), sent.id()));
        assertThat(conversation(alice)).extracting(PrivateMessageHeader::delivered).containsExactly(true);
        assertThat(text(alice, sent.id())).isEqualTo("hello Bob");
    }

    @Test
    void anAckRecordedJustBeforeACrashStillMarksTheMessageDeliveredAtTheNextStart() throws Exception {
        PrivateMessageHeader sent = send(alice, "acked, then the power went");
        Courier.moveMessages(alice, bob);
        Courier.moveAcks(bob, alice);
        alice.await(PrivateMessageDeliveredEvent.class, e -> e.messageId().equals(sent.id()));
        // The state an ack recorded without its handlers (one threw), or by an older version, leaves: seen, not
        // delivered.
        alice.call(txn -> {
            alice.get(ClientHelper.class).mergeMessageMetadata(txn, sent.id(),
                    new BdfDictionary().with(MSG_KEY_DELIVERED, false));
            return null;
        });
        assertThat(conversation(alice)).extracting(PrivateMessageHeader::delivered).containsExactly(false);

        alice.restart();

        alice.await(PrivateMessageDeliveredEvent.class, e -> e.messageId().equals(sent.id()));
        assertThat(conversation(alice)).extracting(PrivateMessageHeader::delivered).containsExactly(true);
    }

    @Test
    void anAckMarksOnlyOurUndeliveredPrivateMessagesAndEachOnce() throws Exception {
        PrivateMessageHeader first = send(alice, "first");
        PrivateMessageHeader second = send(alice, "second");
        PrivateMessageHeader fromBob = send(bob, "from Bob");
        Courier.moveMessages(bob, alice);
        alice.await(PrivateMessageReceivedEvent.class, e -> true);

        // This ack names an unknown message, Bob's own, and ours twice; the next one ours again.
        MessageId unknown = new MessageId(new byte[MessageId.LENGTH]);
        Courier.ack(alice, List.of(unknown, fromBob.id(), first.id(), first.id()));
        Courier.ack(alice, List.of(second.id(), first.id()));
        // Events are broadcast in commit order, so once the second ack's is seen, so is the first's.
        alice.await(PrivateMessageDeliveredEvent.class, e -> e.messageId().equals(second.id()));

        assertThat(alice.events(PrivateMessageDeliveredEvent.class)).containsExactly(
                new PrivateMessageDeliveredEvent(alice.peer(), first.id()),
                new PrivateMessageDeliveredEvent(alice.peer(), second.id()));
        assertThat(conversation(alice)).extracting(PrivateMessageHeader::id, PrivateMessageHeader::delivered)
                .containsExactlyInAnyOrder(tuple(first.id(), true), tuple(second.id(), true),
                        tuple(fromBob.id(), false));
    }

    @Test
    void readFlagsCountDownTheUnreadMessagesOfTheContactOnly() throws Exception {
        PrivateMessageHeader first = send(alice, "one");
        send(alice, "two");
        Courier.moveMessages(alice, bob);
        assertThat(unread(bob)).isEqualTo(2);

        setRead(bob, first.id(), true);

        assertThat(unread(bob)).isEqualTo(1);
        assertThat(conversation(bob)).filteredOn(h -> h.id().equals(first.id()))
                .extracting(PrivateMessageHeader::read).containsExactly(true);
        setRead(bob, first.id(), false);
        assertThat(unread(bob)).isEqualTo(2);
        assertThat(unread(alice)).as("our own messages are never unread").isZero();
        assertThatThrownBy(() -> setRead(alice, first.id(), false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void attachmentsTravelAsMessagesOfTheirOwnAndAreFoundByTheirHeaders() throws Exception {
        byte[] image = new byte[MAX_IMAGE_SIZE];
        Arrays.fill(image, (byte) 0x5a);
        AttachmentHeader header = alice.call(txn ->
                alice.messaging().addAttachment(txn, alice.peer(), "image/jpeg", image));
        PrivateMessageHeader sent = alice.call(txn ->
                alice.messaging().sendPrivateMessage(txn, alice.peer(), null, List.of(header), NO_AUTO_DELETE_TIMER));
        assertThat(sent.hasText()).isFalse();
        assertThat(sent.attachments()).containsExactly(header);
        assertThat(conversation(alice)).as("an attachment is no entry of its own").containsExactly(sent);
        assertThat(attachment(alice, header)).contains(new Attachment("image/jpeg", image));
        assertThat(attachment(bob, header)).as("not arrived yet").isEmpty();

        assertThat(Courier.moveMessages(alice, bob)).extracting(Message::getId)
                .containsExactlyInAnyOrder(header.messageId(), sent.id());

        assertThat(conversation(bob)).extracting(PrivateMessageHeader::attachments).containsExactly(List.of(header));
        assertThat(text(bob, sent.id())).isNull();
        assertThat(attachment(bob, header)).contains(new Attachment("image/jpeg", image));
        assertThat(bob.await(AttachmentReceivedEvent.class, e -> true))
                .isEqualTo(new AttachmentReceivedEvent(bob.peer(), header));
        assertThat(attachment(bob, new AttachmentHeader(header.messageId(), "image/png")))
                .as("another content type than the attachment's").isEmpty();
        assertThat(attachment(bob, new AttachmentHeader(sent.id(), "image/jpeg")))
                .as("a private message, not an attachment").isEmpty();
        assertThatThrownBy(() -> text(bob, header.messageId())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> alice.call(txn ->
                alice.messaging().addAttachment(txn, alice.peer(), "image/jpeg", new byte[MAX_IMAGE_SIZE + 1])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMessageMoreThanADayAheadOfTheReceiversClockIsRejectedAndNeverShown() throws Exception {
        long bobsTime = bob.clock().currentTimeMillis();
        alice.clock().advance(bobsTime - alice.clock().currentTimeMillis() + MAX_CLOCK_DIFFERENCE_MS);
        PrivateMessageHeader aDayAhead = send(alice, "exactly a day ahead");
        alice.clock().advance(1);
        PrivateMessageHeader tooFarAhead = send(alice, "a day and a millisecond ahead");

        Courier.moveMessages(alice, bob);

        assertThat(Courier.awaitOutcome(bob, aDayAhead.id())).isEqualTo(MessageState.DELIVERED);
        assertThat(Courier.awaitOutcome(bob, tooFarAhead.id())).isEqualTo(MessageState.INVALID);
        assertThat(conversation(bob)).extracting(PrivateMessageHeader::id).containsExactly(aDayAhead.id());
        assertThat(bob.events(PrivateMessageReceivedEvent.class))
                .extracting(e -> e.header().id()).containsExactly(aDayAhead.id());
        assertThat(unread(bob)).isEqualTo(1);
        byte[] content = bob.call(txn -> bob.db().getMessage(txn, tooFarAhead.id()));
        assertThat(content).as("deleted").isNull();
        assertThatThrownBy(() -> text(bob, tooFarAhead.id())).isInstanceOf(NoSuchMessageException.class);
    }

    @Test
    void aRestartedNodeShowsTheSameConversationAndGoesOnSending() throws Exception {
        AttachmentHeader header = alice.call(txn ->
                alice.messaging().addAttachment(txn, alice.peer(), "image/png", new byte[] {1, 2, 3}));
        alice.call(txn -> alice.messaging().sendPrivateMessage(txn, alice.peer(), "look", List.of(header),
                ONE_DAY_MS));
        bob.clock().advance(1);
        PrivateMessageHeader reply = send(bob, "nice");
        Courier.moveMessages(alice, bob);
        Courier.moveMessages(bob, alice);
        Courier.moveAcks(bob, alice);
        alice.await(PrivateMessageDeliveredEvent.class, e -> true);
        setRead(alice, reply.id(), true);
        List<PrivateMessageHeader> aliceBefore = conversation(alice);
        List<PrivateMessageHeader> bobBefore = conversation(bob);

        alice.restart();
        bob.restart();

        assertThat(conversation(alice)).isEqualTo(aliceBefore);
        assertThat(conversation(bob)).isEqualTo(bobBefore);
        assertThat(aliceBefore).extracting(PrivateMessageHeader::delivered, PrivateMessageHeader::read)
                .containsExactly(tuple(true, true),
                        tuple(false, true));
        assertThat(text(bob, reply.id())).isEqualTo("nice");
        assertThat(attachment(bob, header)).contains(new Attachment("image/png", new byte[] {1, 2, 3}));
        assertThat(unread(bob)).isEqualTo(1);

        alice.clock().advance(10);
        PrivateMessageHeader later = send(alice, "still here");
        Courier.moveMessages(alice, bob);
        assertThat(conversation(bob)).extracting(PrivateMessageHeader::id).endsWith(later.id());
    }

    @Test
    void theConversationIsOrderedByTimestampThenByMessageId() throws Exception {
        bob.clock().advance(-5000);
        PrivateMessageHeader a1 = send(alice, "a1");
        PrivateMessageHeader b1 = send(bob, "b1 (written earlier by Bob's clock)");
        alice.clock().advance(1000);
        PrivateMessageHeader a2 = send(alice, "a2");
        alice.clock().advance(1000);
        PrivateMessageHeader tie1 = send(alice, "same millisecond 1");
        PrivateMessageHeader tie2 = send(alice, "same millisecond 2");
        Courier.moveMessages(alice, bob);
        Courier.moveMessages(bob, alice);

        List<MessageId> ties = Stream.of(tie1.id(), tie2.id()).sorted(Comparator.naturalOrder()).toList();
        List<MessageId> expected = List.of(b1.id(), a1.id(), a2.id(), ties.get(0), ties.get(1));
        assertThat(conversation(alice)).extracting(PrivateMessageHeader::id).isEqualTo(expected);
        assertThat(conversation(bob)).extracting(PrivateMessageHeader::id).isEqualTo(expected);
    }

    @Test
    void theTimerGoesToAContactRunningTheCurrentVersion() throws Exception {
        PrivateMessageHeader timed = alice.call(txn ->
                alice.messaging().sendPrivateMessage(txn, alice.peer(), "for minor 3", List.of(), ONE_DAY_MS));
        assertThat(timed.autoDeleteTimer()).isEqualTo(ONE_DAY_MS);
        assertThat(bodyElements(alice, timed.id())).as("[0, text, [], timer]").isEqualTo(4);

        Courier.moveMessages(alice, bob);
        assertThat(conversation(bob)).extracting(PrivateMessageHeader::autoDeleteTimer).containsExactly(ONE_DAY_MS);
    }

    static int bodyElements(MessagingNode node, MessageId id) throws Exception {
        byte[] raw = node.call(txn -> node.db().getMessage(txn, id));
        byte[] body = Arrays.copyOfRange(raw, Message.HEADER_LENGTH, raw.length);
        return node.get(ClientHelper.class).toList(body).size();
    }
}
