package org.thicket.bramble.test;

import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageState;

/**
 * Carries messages between two nodes that are each other's contacts, as sync sessions would, but by hand: what one
 * node's database has to send to the other is stored in the other's as received, and validated there.
 *
 * @param aliceAtBob the ID Bob's database gave Alice
 * @param bobAtAlice the ID Alice's database gave Bob
 */
public record Courier(CoreNode alice, ContactId bobAtAlice, CoreNode bob, ContactId aliceAtBob) {

    /** At most this many round trips until neither side has anything to send: updates settle in two or three. */
    private static final int MAX_ROUNDS = 10;

    /** Makes the two nodes each other's contacts. */
    public static Courier introduce(CoreNode alice, CoreNode bob) throws DbException {
        ContactId bobAtAlice = alice.addContact(bob);
        ContactId aliceAtBob = bob.addContact(alice);
        return new Courier(alice, bobAtAlice, bob, aliceAtBob);
    }

    /** The same contacts after Alice restarted as this node. */
    public Courier withAlice(CoreNode restarted) {
        return new Courier(restarted, bobAtAlice, bob, aliceAtBob);
    }

    /** The same contacts after Bob restarted as this node. */
    public Courier withBob(CoreNode restarted) {
        return new Courier(alice, bobAtAlice, restarted, aliceAtBob);
    }

    public List<Message> takeFromAlice() throws DbException {
        return alice.outbox(bobAtAlice);
    }

    public List<Message> takeFromBob() throws DbException {
        return bob.outbox(aliceAtBob);
    }

    public Map<MessageId, MessageState> giveToBob(List<Message> messages) throws Exception {
        return bob.receive(aliceAtBob, messages);
    }

    public Map<MessageId, MessageState> giveToAlice(List<Message> messages) throws Exception {
        return alice.receive(bobAtAlice, messages);
    }

    public Map<MessageId, MessageState> aliceToBob() throws Exception {
        return giveToBob(takeFromAlice());
    }

    public Map<MessageId, MessageState> bobToAlice() throws Exception {
        return giveToAlice(takeFromBob());
    }

    /** Carries messages both ways, Alice's first, until neither has more to send. */
    public void exchangeUntilQuiet() throws Exception {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Message> fromAlice = takeFromAlice();
            giveToBob(fromAlice);
            List<Message> fromBob = takeFromBob();
            giveToAlice(fromBob);
            if (fromAlice.isEmpty() && fromBob.isEmpty()) return;
        }
        fail("Still sending after " + MAX_ROUNDS + " rounds");
    }
}
