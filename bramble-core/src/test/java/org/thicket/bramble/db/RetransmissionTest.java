package org.thicket.bramble.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thicket.bramble.sync.api.Visibility.SHARED;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.sync.api.MessagesSentEvent;
import org.thicket.bramble.sync.api.SyncConstants;

/** What outgoing sessions are handed: due messages within a byte budget, offers, requests, and the backoff. */
class RetransmissionTest extends SyncDatabaseTestCase {

    @BeforeEach
    void shareWithAlice() throws DbException {
        setVisibility(alice, SHARED);
    }

    @Test
    void messagesGoOldestFirstWithinTheByteBudget() throws DbException {
        Message newest = message(3, 100);
        Message oldest = message(1, 100);
        Message middle = message(2, 100);
        addLocal(newest, oldest, middle);
        int twoMessages = oldest.getLength() + middle.getLength();

        assertThat(send(twoMessages + newest.getLength() - 1)).containsExactly(oldest, middle);
        assertThat(send(twoMessages)).as("only the newest is still due").containsExactly(newest);
        assertThat(send(100_000)).isEmpty();
    }

    @Test
    void theFirstMessageThatDoesNotFitEndsTheBatch() throws DbException {
        Message big = message(1, 1000);
        Message small = message(2, 10);
        addLocal(big, small);
        assertThat(send(500)).as("no skipping ahead: order is kept").isEmpty();
        assertThat(send(big.getLength())).containsExactly(big);
    }

    @Test
    void sentMessagesAreAnnouncedAndDueAgainAfterAnExponentialBackoff() throws DbException {
        Message m = message(1);
        addLocal(m);
        newEvents();
        long start = clock.currentTimeMillis();

        assertThat(send(100_000)).containsExactly(m);
        assertThat(newEvents()).containsExactly(new MessagesSentEvent(alice, List.of(m.getId())));
        assertThat(status(alice, m, "expiry")).isEqualTo(start + 2 * LATENCY);
        assertThat(status(alice, m, "txCount")).isOne();
        assertThat(status(alice, m, "maxLatency")).isEqualTo(LATENCY);

        long round = 2 * LATENCY;
        long at = start;
        for (int txCount = 1; txCount <= 4; txCount++) {
            long expiry = at + (round << (txCount - 1));
            clock.set(expiry - 1);
            assertThat(send(100_000)).as("not yet due after %d transmissions", txCount).isEmpty();
            clock.set(expiry);
            assertThat(send(100_000)).as("due after %d transmissions", txCount).containsExactly(m);
            at = expiry;
            assertThat(status(alice, m, "expiry")).isEqualTo(at + (round << txCount));
            assertThat(status(alice, m, "txCount")).isEqualTo(txCount + 1);
        }
    }

    @Test
    void aMessageLastSentOverASlowerTransportIsDueAtOnceOverAFasterOne() throws DbException {
        Message m = message(1);
        addLocal(m);
        long slow = TimeUnit.DAYS.toMillis(14);
        assertThat(send(100_000, slow)).containsExactly(m);
        assertThat(send(100_000, slow)).isEmpty();
        assertThat(send(100_000, LATENCY)).containsExactly(m);
        assertThat(send(100_000, LATENCY)).as("now sent over this one").isEmpty();
        assertThat(send(100_000, slow)).isEmpty();
    }

    @Test
    void offersAreDueMessagesAndCountAsTransmissionsWithoutASentEvent() throws DbException {
        Message first = message(1);
        Message second = message(2);
        Message third = message(3);
        addLocal(third, first, second);
        newEvents();
        assertThat(offer(2)).containsExactly(first.getId(), second.getId());
        assertThat(offer(10)).containsExactly(third.getId());
        assertThat(offer(10)).isEmpty();
        assertThat(send(100_000)).isEmpty();
        assertThat(newEvents()).isEmpty();
        assertThat(status(alice, first, "txCount")).isOne();

        clock.advance(2 * LATENCY);
        assertThat(offer(10)).containsExactly(first.getId(), second.getId(), third.getId());
    }

    @Test
    void requestedMessagesAreSentRegardlessOfExpiryAndOnlyOnce() throws DbException {
        Message first = message(1);
        Message second = message(2);
        addLocal(first, second);
        assertThat(offer(10)).hasSize(2);
        db.transaction(false, txn -> {
            db.raiseRequestedFlag(txn, alice, second.getId());
            db.raiseRequestedFlag(txn, alice, first.getId());
        });
        newEvents();

        assertThat(sendRequested(first.getLength())).containsExactly(first);
        assertThat(sendRequested(100_000)).containsExactly(second);
        assertThat(sendRequested(100_000)).as("requests are answered").isEmpty();
        assertThat(newEvents()).containsExactly(new MessagesSentEvent(alice, List.of(first.getId())),
                new MessagesSentEvent(alice, List.of(second.getId())));
        assertThat(status(alice, first, "txCount")).isEqualTo(2);
    }

    /**
     * A received message's status for its sender is seen from the start, so validation does not rewrite its copy of
     * the state (it is read only while a status is unseen or requested); a request brings the copy up to date.
     */
    @Test
    void aMessageReceivedFromTheContactGoesBackToItWhenItAsks() throws DbException {
        setVisibility(bob, SHARED);
        Message m = message(1);
        receiveDelivered(alice, m);
        assertThat(status(alice, m, "state")).isEqualTo(MessageState.UNKNOWN.getCode());
        assertThat(status(bob, m, "state")).isEqualTo(MessageState.DELIVERED.getCode());
        assertThat(sendRequested(100_000)).isEmpty();

        db.transaction(false, txn -> db.raiseRequestedFlag(txn, alice, m.getId()));
        assertThat(sendRequested(100_000)).containsExactly(m);
    }

    @Test
    void sendingADueMessageAlsoAnswersItsRequest() throws DbException {
        Message m = message(1);
        addLocal(m);
        db.transaction(false, txn -> db.raiseRequestedFlag(txn, alice, m.getId()));
        assertThat(send(100_000)).containsExactly(m);
        assertThat(sendRequested(100_000)).isEmpty();
    }

    @Test
    void eagerSessionsGetEveryUnackedMessageRegardlessOfExpiry() throws DbException {
        Message first = message(1);
        Message second = message(2);
        addLocal(second, first);
        assertThat(send(100_000)).hasSize(2);
        assertThat(unacked()).containsExactly(first.getId(), second.getId());

        newEvents();
        MessageId unknown = message(9).getId();
        db.transaction(false, txn -> db.updateRetransmission(txn, alice, List.of(first.getId(), unknown), LATENCY));
        assertThat(newEvents()).containsExactly(new MessagesSentEvent(alice, List.of(first.getId())));
        assertThat(status(alice, first, "txCount")).isEqualTo(2);
        assertThat(unacked()).as("still unacked").containsExactly(first.getId(), second.getId());

        db.transaction(false, txn -> db.setAckedBy(txn, alice, List.of(first.getId())));
        assertThat(unacked()).containsExactly(second.getId());
    }

    @Test
    void latenciesAndLimitsAreChecked() {
        long tooSlow = SyncConstants.MAX_TRANSPORT_LATENCY + 1;
        assertThatThrownBy(() -> send(100, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> send(100, tooSlow)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> offer(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> send(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.transaction(false, txn -> db.updateRetransmission(txn, alice, List.of(),
                tooSlow))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.transaction(true, txn -> db.getMessagesToSend(txn, alice, 100, LATENCY)))
                .as("sending records state").isInstanceOf(IllegalArgumentException.class);
    }

    private Collection<Message> send(int maxLength) throws DbException {
        return send(maxLength, LATENCY);
    }

    private Collection<Message> send(int maxLength, long maxLatency) throws DbException {
        return db.transactionWithResult(false, txn -> db.getMessagesToSend(txn, alice, maxLength, maxLatency));
    }

    private Collection<Message> sendRequested(int maxLength) throws DbException {
        return db.transactionWithResult(false, txn -> db.getRequestedMessagesToSend(txn, alice, maxLength, LATENCY));
    }

    private Collection<MessageId> offer(int max) throws DbException {
        return db.transactionWithResult(false, txn -> db.getMessagesToOffer(txn, alice, max, LATENCY));
    }

    private Collection<MessageId> unacked() throws DbException {
        return db.transactionWithResult(true, txn -> db.getUnackedMessagesToSend(txn, alice));
    }
}
