package org.thicket.bramble.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thicket.bramble.sync.api.Visibility.SHARED;
import static org.thicket.bramble.sync.api.Visibility.VISIBLE;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Receipt;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageAddedEvent;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageRequestedEvent;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.sync.api.MessageToAckEvent;
import org.thicket.bramble.sync.api.MessageToRequestEvent;
import org.thicket.bramble.sync.api.MessagesAckedEvent;
import org.thicket.bramble.sync.api.SyncConstants;

/** What incoming records change: received messages and the acks we owe, acks, offers and requests from contacts. */
class AckAndOfferTest extends SyncDatabaseTestCase {

    @Test
    void aReceivedMessageIsStoredForValidationAndAcked() throws DbException {
        setVisibility(alice, VISIBLE);
        setVisibility(bob, SHARED);
        newEvents();
        Message m = message(1);
        boolean added = db.transactionWithResult(false, txn -> db.receiveMessage(txn, alice, m));

        assertThat(added).isTrue();
        assertThat(newEvents()).containsExactly(new MessageAddedEvent(m, alice), new MessageToAckEvent(alice));
        db.transaction(true, txn -> {
            assertThat(db.getMessage(txn, m.getId())).isEqualTo(m.getRaw());
            assertThat(db.getMessageState(txn, m.getId())).isEqualTo(MessageState.UNKNOWN);
            assertThat(db.getMessagesToAck(txn, alice, 10)).containsExactly(m.getId());
            assertThat(db.getMessagesToAck(txn, bob, 10)).isEmpty();
        });
        assertThat(status(alice, m, "seen")).as("the sender has it").isOne();
        assertThat(status(bob, m, "seen")).isZero();
        assertThat(status(bob, m, "messageShared")).as("validation decides").isZero();
    }

    @Test
    void aValidatedReceivedMessageGoesToOtherContactsButNeverBackToItsSender() throws DbException {
        setVisibility(alice, SHARED);
        setVisibility(bob, SHARED);
        Message m = message(1);
        receiveDelivered(alice, m);
        assertThat(toSend(alice)).isEmpty();
        assertThat(toSend(bob)).containsExactly(m);
    }

    @Test
    void aDuplicateIsAckedAgainButNotStoredAgain() throws DbException {
        setVisibility(alice, SHARED);
        Message m = message(1);
        db.transaction(false, txn -> db.receiveMessage(txn, alice, m));
        db.transaction(false, txn -> db.lowerAckFlag(txn, alice, db.getMessagesToAck(txn, alice, 10)));
        assertThat(acks(alice)).isEmpty();
        newEvents();

        boolean added = db.transactionWithResult(false, txn -> db.receiveMessage(txn, alice, m));
        assertThat(added).isFalse();
        assertThat(newEvents()).containsExactly(new MessageToAckEvent(alice));
        assertThat(acks(alice)).containsExactly(m.getId());
        assertThat(count("messages")).isOne();
    }

    /** A duplex session acks from memory: the receipt says whether an ack is owed, and nothing records it. */
    @Test
    void aReceiptWithoutRecordingTheAckSaysWhatHappenedAndRecordsNoAck() throws DbException {
        setVisibility(alice, SHARED);
        Message m = message(1);
        newEvents();
        Receipt first = db.transactionWithResult(false, txn -> db.receiveMessage(txn, alice, m, false));
        Receipt again = db.transactionWithResult(false, txn -> db.receiveMessage(txn, alice, m, false));
        Receipt fromBob = db.transactionWithResult(false, txn -> db.receiveMessage(txn, bob, message(2), false));

        assertThat(first).isEqualTo(Receipt.STORED);
        assertThat(again).isEqualTo(Receipt.STORED_ALREADY);
        assertThat(fromBob).as("the group is invisible to Bob").isEqualTo(Receipt.NOT_VISIBLE);
        assertThat(List.of(first, again, fromBob)).extracting(Receipt::owesAck).containsExactly(true, true, false);
        assertThat(newEvents()).containsExactly(new MessageAddedEvent(m, alice));
        assertThat(acks(alice)).isEmpty();
        assertThat(status(alice, m, "seen")).as("the sender has it").isOne();
        assertThat(count("messages")).isOne();
    }

    @Test
    void aMessageInAGroupInvisibleToTheSenderIsIgnored() throws DbException {
        setVisibility(bob, SHARED);
        newEvents();
        Message m = message(1);
        boolean added = db.transactionWithResult(false, txn -> db.receiveMessage(txn, alice, m));
        Message unknownGroup = TestData.message(TestData.group(2), 2, new byte[] {1});
        db.transaction(false, txn -> db.receiveMessage(txn, alice, unknownGroup));
        assertThat(added).isFalse();
        assertThat(count("messages")).isZero();
        assertThat(newEvents()).isEmpty();
    }

    @Test
    void acksAreHandedOutOldestFirstUpToTheLimitUntilLowered() throws DbException {
        setVisibility(alice, SHARED);
        List<Message> received = List.of(message(3), message(1), message(2));
        newEvents();
        db.transaction(false, txn -> {
            for (Message m : received) db.receiveMessage(txn, alice, m);
        });
        assertThat(newEvents()).filteredOn(MessageToAckEvent.class::isInstance).as("one per transaction").hasSize(1);
        assertThat(acks(alice, 2))
                .containsExactly(received.get(1).getId(), received.get(2).getId());
        db.transaction(false, txn -> db.lowerAckFlag(txn, alice, List.of(received.get(1).getId())));
        assertThat(acks(alice)).containsExactly(received.get(2).getId(), received.get(0).getId());
    }

    @Test
    void anAckMarksOurMessagesSeenSoTheyAreNoLongerSent() throws DbException {
        setVisibility(alice, SHARED);
        Message first = message(1);
        Message second = message(2);
        addLocal(first, second);
        MessageId unknown = message(99).getId();
        newEvents();
        db.transaction(false, txn -> db.setAckedBy(txn, alice, List.of(first.getId(), unknown)));

        assertThat(newEvents()).containsExactly(new MessagesAckedEvent(alice, List.of(first.getId())));
        assertThat(status(alice, first, "seen")).isOne();
        assertThat(toSend(alice)).containsExactly(second);
    }

    @Test
    void anAckFromAContactTheGroupIsInvisibleToIsIgnored() throws DbException {
        setVisibility(alice, SHARED);
        Message m = message(1);
        addLocal(m);
        newEvents();
        db.transaction(false, txn -> db.setAckedBy(txn, bob, List.of(m.getId())));
        assertThat(newEvents()).isEmpty();
        assertThat(status(bob, m, "seen")).isEqualTo(-1);
    }

    @Test
    void anOfferOfAMessageWeHaveIsAckedAndMarksItSeen() throws DbException {
        setVisibility(alice, SHARED);
        Message ours = message(1);
        addLocal(ours);
        newEvents();
        boolean had = db.transactionWithResult(false, txn -> db.raiseAckFlag(txn, alice, ours.getId()));
        boolean unknown = db.transactionWithResult(false, txn -> db.raiseAckFlag(txn, alice, message(2).getId()));
        boolean invisible = db.transactionWithResult(false, txn -> db.raiseAckFlag(txn, bob, ours.getId()));

        assertThat(had).isTrue();
        assertThat(unknown).isFalse();
        assertThat(invisible).isFalse();
        assertThat(newEvents()).containsExactly(new MessageToAckEvent(alice));
        assertThat(acks(alice)).containsExactly(ours.getId());
        assertThat(toSend(alice)).isEmpty();
    }

    @Test
    void offeredMessagesWeLackAreRequestedOnce() throws DbException {
        setVisibility(alice, SHARED);
        List<MessageId> offered = List.of(message(1).getId(), message(2).getId());
        newEvents();
        db.transaction(false, txn -> {
            for (MessageId id : offered) assertThat(db.addOfferedMessage(txn, alice, id)).isTrue();
        });
        assertThat(newEvents()).containsExactly(new MessageToRequestEvent(alice));

        Collection<MessageId> toRequest = db.transactionWithResult(false, txn -> {
            Collection<MessageId> ids = db.getMessagesToRequest(txn, alice, 10);
            db.removeOfferedMessages(txn, alice, ids);
            return ids;
        });
        assertThat(toRequest).containsExactlyInAnyOrderElementsOf(offered);
        assertThat(toRequest(alice, 10)).isEmpty();
    }

    @Test
    void anOfferedMessageThatArrivesIsNoLongerRequested() throws DbException {
        setVisibility(alice, SHARED);
        setVisibility(bob, SHARED);
        Message fromAlice = message(1);
        Message fromBob = message(2);
        db.transaction(false, txn -> {
            db.addOfferedMessage(txn, alice, fromAlice.getId());
            db.addOfferedMessage(txn, alice, fromBob.getId());
            db.receiveMessage(txn, alice, fromAlice);
            db.receiveMessage(txn, bob, fromBob);
        });
        assertThat(toRequest(alice, 10)).isEmpty();
        assertThat(count("offers")).isZero();
    }

    @Test
    void atMostAThousandOffersAreStoredPerContact() throws DbException {
        assertThat(SyncConstants.MAX_OFFERED_MESSAGES).isEqualTo(1000);
        List<MessageId> offered = new ArrayList<>();
        for (int i = 0; i < 1000; i++) offered.add(message(i).getId());
        MessageId extra = message(1000).getId();
        db.transaction(false, txn -> {
            for (MessageId id : offered) assertThat(db.addOfferedMessage(txn, alice, id)).isTrue();
            assertThat(db.addOfferedMessage(txn, alice, extra)).as("dropped").isFalse();
            assertThat(db.addOfferedMessage(txn, alice, offered.get(0))).as("already stored").isTrue();
            assertThat(db.addOfferedMessage(txn, bob, extra)).as("another contact's cap").isTrue();
        });
        assertThat(toRequest(alice, 2000)).hasSize(1000)
                .doesNotContain(extra);
        assertThat(toRequest(alice, 7)).hasSize(7);

        db.transaction(false, txn -> {
            db.removeOfferedMessages(txn, alice, List.of(offered.get(0)));
            assertThat(db.addOfferedMessage(txn, alice, extra)).as("room again").isTrue();
        });
    }

    @Test
    void aRequestIsRecordedOnlyForAMessageTheContactHasAStatusFor() throws DbException {
        setVisibility(alice, SHARED);
        Message m = message(1);
        addLocal(m);
        newEvents();
        db.transaction(false, txn -> {
            assertThat(db.raiseRequestedFlag(txn, alice, m.getId())).isTrue();
            assertThat(db.raiseRequestedFlag(txn, alice, m.getId())).isTrue();
            assertThat(db.raiseRequestedFlag(txn, bob, m.getId())).isFalse();
            assertThat(db.raiseRequestedFlag(txn, alice, message(2).getId())).isFalse();
        });
        assertThat(newEvents()).containsExactly(new MessageRequestedEvent(alice));
        assertThat(status(alice, m, "requested")).isOne();
    }

    @Test
    void eventsArriveOnlyAfterCommitAndNotAtAllAfterRollback() throws DbException {
        setVisibility(alice, SHARED);
        newEvents();
        Message m = message(1);
        db.transaction(false, txn -> {
            db.receiveMessage(txn, alice, m);
            assertThat(newEvents()).isEmpty();
        });
        assertThat(newEvents()).hasSize(2);

        var txn = db.startTransaction(false);
        db.receiveMessage(txn, alice, message(2));
        db.endTransaction(txn);
        assertThat(newEvents()).isEmpty();
        assertThat(count("messages")).isOne();
    }

    private Collection<MessageId> acks(ContactId contactId) throws DbException {
        return acks(contactId, 100);
    }

    private Collection<MessageId> acks(ContactId contactId, int max) throws DbException {
        return db.transactionWithResult(true, txn -> db.getMessagesToAck(txn, contactId, max));
    }

    private Collection<MessageId> toRequest(ContactId contactId, int max) throws DbException {
        return db.transactionWithResult(true, txn -> db.getMessagesToRequest(txn, contactId, max));
    }

    private Collection<Message> toSend(ContactId contactId) throws DbException {
        return db.transactionWithResult(false, txn -> db.getMessagesToSend(txn, contactId, 100_000, LATENCY));
    }
}
