package org.thicket.messenger.messaging;

import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.thicket.bramble.sync.api.AckHandler;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.validation.api.MessageStateChangedEvent;

/**
 * Carries sync traffic between two nodes by hand, through the same database calls a sync session makes: the
 * messages one side has to send to its peer, and the acks the other side owes back.
 */
final class Courier {

    /** The maximum latency of the imaginary transport, in ms. */
    static final long MAX_LATENCY = 30_000;
    private static final int MAX_BATCH_BYTES = 1024 * 1024;
    private static final int MAX_ACKS = 1000;
    private static final int MAX_SETTLE_ROUNDS = 10;

    private Courier() {
    }

    /**
     * Moves the messages {@code from} has due for its peer into {@code to}, as received from its peer, and waits
     * until {@code to} has validated each and delivered or rejected it. Returns the messages moved.
     */
    static List<Message> moveMessages(MessagingNode from, MessagingNode to) throws Exception {
        Collection<Message> due = from.call(txn ->
                from.db().getMessagesToSend(txn, from.peer(), MAX_BATCH_BYTES, MAX_LATENCY));
        List<Message> moved = new ArrayList<>(due);
        List<Boolean> added = receive(to, moved);
        for (int i = 0; i < moved.size(); i++) {
            if (added.get(i)) awaitOutcome(to, moved.get(i).getId());
        }
        return moved;
    }

    /**
     * Moves messages and acks both ways until neither side has anything left to send: the client-versioning
     * updates of a new contact settle in two or three rounds.
     */
    static void settle(MessagingNode alice, MessagingNode bob) throws Exception {
        for (int round = 0; round < MAX_SETTLE_ROUNDS; round++) {
            int moved = moveMessages(alice, bob).size() + moveMessages(bob, alice).size();
            moveAcks(alice, bob);
            moveAcks(bob, alice);
            if (moved == 0) return;
        }
        throw new AssertionError("Still sending after " + MAX_SETTLE_ROUNDS + " rounds");
    }

    /** Hands the messages to {@code to} as received from its peer; true for each that was new there. */
    static List<Boolean> receive(MessagingNode to, List<Message> messages) throws Exception {
        return to.call(txn -> {
            List<Boolean> added = new ArrayList<>();
            for (Message m : messages) added.add(to.db().receiveMessage(txn, to.peer(), m));
            return added;
        });
    }

    /** Moves the acks {@code from} owes its peer to {@code to}. Returns the IDs acked. */
    static List<MessageId> moveAcks(MessagingNode from, MessagingNode to) throws Exception {
        List<MessageId> acks = from.call(txn -> {
            List<MessageId> ids = List.copyOf(from.db().getMessagesToAck(txn, from.peer(), MAX_ACKS));
            from.db().lowerAckFlag(txn, from.peer(), ids);
            return ids;
        });
        ack(to, acks);
        return acks;
    }

    /** Records an ack from {@code to}'s peer as an incoming session does: the clients' handlers in its transaction. */
    static void ack(MessagingNode to, List<MessageId> ids) throws Exception {
        Set<AckHandler> handlers = to.get(Key.get(new TypeLiteral<Set<AckHandler>>() { }));
        to.call(txn -> {
            List<MessageId> acked = to.db().setAckedBy(txn, to.peer(), ids);
            for (AckHandler h : handlers) h.handleAcked(txn, to.peer(), acked);
            return null;
        });
    }

    /** Waits until validation has delivered the received message or found it invalid. */
    static MessageState awaitOutcome(MessagingNode node, MessageId id) throws InterruptedException {
        return node.await(MessageStateChangedEvent.class, e -> e.messageId().equals(id) && !e.local()
                && (e.state() == MessageState.DELIVERED || e.state() == MessageState.INVALID)).state();
    }
}
