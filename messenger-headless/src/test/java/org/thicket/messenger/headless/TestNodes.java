package org.thicket.messenger.headless;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.ContactManager;
import org.thicket.bramble.crypto.api.ScryptCost;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.identity.api.Author;
import org.thicket.bramble.lifecycle.api.StartResult;
import org.thicket.bramble.sync.api.AckHandler;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.Visibility;
import org.thicket.bramble.versioning.api.ClientVersioningManager;
import org.thicket.messenger.messaging.api.MessagingConstants;
import org.thicket.messenger.node.MessengerNode;

/**
 * Real nodes in the test's JVM, without transports, for tests of the API and the console. Sync sessions do not run
 * between them, so messages and acks move through the database calls a session makes.
 */
public final class TestNodes {

    /** Which contact each of two nodes has for the other. */
    public record Contacts(ContactId bobAtAlice, ContactId aliceAtBob) {
    }

    private static final Module FAST_SCRYPT = b -> b.bind(ScryptCost.class).toInstance(ScryptCost.fixed(1024));
    private static final int MAX_BATCH_BYTES = 1024 * 1024;
    private static final long MAX_LATENCY = 30_000;
    private static final int MAX_SWAP_ROUNDS = 100;
    private static final long SWAP_PAUSE_MS = 20;
    private static final int MAX_ACKS = 1000;

    private TestNodes() {
    }

    /** A node with a new account in {@code dir}, its key derived at a low scrypt cost. */
    public static MessengerNode start(Path dir, String nickname) throws Exception {
        MessengerNode node = MessengerNode.create(dir, FAST_SCRYPT);
        assertThat(node.createAccount(nickname, "test password".getBytes(UTF_8))).isEqualTo(StartResult.SUCCESS);
        return node;
    }

    public static Author author(MessengerNode node) throws Exception {
        return node.identity().localAuthor().author();
    }

    /**
     * Makes the two nodes verified contacts with a shared root key, then moves traffic until each knows the other
     * runs private messaging, so that they can send each other messages.
     */
    public static Contacts makeContacts(MessengerNode alice, MessengerNode bob) throws Exception {
        byte[] rootKey = new byte[SecretKey.LENGTH];
        rootKey[0] = 7;
        long timestamp = System.currentTimeMillis();
        ContactId bobAtAlice = addContact(alice, author(bob), new SecretKey(rootKey.clone()), timestamp, true);
        ContactId aliceAtBob = addContact(bob, author(alice), new SecretKey(rootKey.clone()), timestamp, false);
        swapClientVersions(alice, bobAtAlice, bob, aliceAtBob);
        return new Contacts(bobAtAlice, aliceAtBob);
    }

    /**
     * Moves traffic both ways until each side knows the other runs private messaging actively (two or three
     * rounds: updates, then the answers that mark the client active), so the conversation's group is shared.
     */
    private static void swapClientVersions(MessengerNode alice, ContactId bobAtAlice, MessengerNode bob,
            ContactId aliceAtBob) throws Exception {
        for (int round = 0; round < MAX_SWAP_ROUNDS; round++) {
            moveMessages(alice, bobAtAlice, bob, aliceAtBob);
            moveMessages(bob, aliceAtBob, alice, bobAtAlice);
            moveAcks(alice, bobAtAlice, bob, aliceAtBob);
            moveAcks(bob, aliceAtBob, alice, bobAtAlice);
            if (messagingShared(alice, bobAtAlice) && messagingShared(bob, aliceAtBob)) return;
            Thread.sleep(SWAP_PAUSE_MS); // validation delivers received updates on its own thread
        }
        throw new AssertionError("Private messaging not shared after " + MAX_SWAP_ROUNDS + " rounds");
    }

    private static boolean messagingShared(MessengerNode node, ContactId peer) throws Exception {
        ClientVersioningManager versioning = node.get(ClientVersioningManager.class);
        return node.get(DatabaseComponent.class).transactionWithResult(true, txn ->
                versioning.getClientVisibility(txn, peer, MessagingConstants.CLIENT)) == Visibility.SHARED;
    }

    private static ContactId addContact(MessengerNode node, Author remote, SecretKey rootKey, long timestamp,
            boolean alice) throws Exception {
        Author me = author(node);
        try {
            return node.get(DatabaseComponent.class).transactionWithResult(false, txn -> node.get(ContactManager.class)
                    .addContact(txn, remote, me.id(), rootKey, timestamp, alice, true, true));
        } finally {
            rootKey.wipe();
        }
    }

    /** Moves the messages {@code from} has to send to its contact {@code fromPeer}; returns them. */
    public static List<Message> moveMessages(MessengerNode from, ContactId fromPeer, MessengerNode to,
            ContactId toPeer) throws Exception {
        Collection<Message> due = from.get(DatabaseComponent.class).transactionWithResult(false, txn ->
                from.get(DatabaseComponent.class).getMessagesToSend(txn, fromPeer, MAX_BATCH_BYTES, MAX_LATENCY));
        DatabaseComponent db = to.get(DatabaseComponent.class);
        db.transaction(false, txn -> {
            for (Message m : due) db.receiveMessage(txn, toPeer, m);
        });
        return List.copyOf(due);
    }

    /** Moves the acks {@code from} owes its contact {@code fromPeer}, recorded as an incoming session records them. */
    public static void moveAcks(MessengerNode from, ContactId fromPeer, MessengerNode to, ContactId toPeer)
            throws Exception {
        DatabaseComponent fromDb = from.get(DatabaseComponent.class);
        List<MessageId> acks = fromDb.transactionWithResult(false, txn -> {
            List<MessageId> ids = List.copyOf(fromDb.getMessagesToAck(txn, fromPeer, MAX_ACKS));
            fromDb.lowerAckFlag(txn, fromPeer, ids);
            return ids;
        });
        DatabaseComponent toDb = to.get(DatabaseComponent.class);
        Set<AckHandler> handlers = to.get(Key.get(new TypeLiteral<Set<AckHandler>>() { }));
        toDb.transaction(false, txn -> {
            List<MessageId> acked = toDb.setAckedBy(txn, toPeer, acks);
            for (AckHandler h : handlers) h.handleAcked(txn, toPeer, acked);
        });
    }
}
