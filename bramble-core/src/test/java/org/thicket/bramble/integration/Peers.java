package org.thicket.bramble.integration;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.sync.api.ClientId;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.GroupFactory;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageAddedEvent;
import org.thicket.bramble.sync.api.MessageFactory;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.sync.api.Visibility;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.test.CoreNode;
import org.thicket.bramble.test.EventLog;
import org.thicket.bramble.test.Friends;

/**
 * Two nodes that are friends and share one group of a raw test client (no validator: received messages stay
 * UNKNOWN, which is all sync needs). Messages are 1 KiB of random bytes.
 */
final class Peers {

    static final ClientId CLIENT = new ClientId("org.thicket.test.sync");
    static final int BODY_LENGTH = 1024;

    final Friends friends;
    final Group group;

    private Peers(Friends friends, Group group) {
        this.friends = friends;
        this.group = group;
    }

    /** Befriends the nodes and shares a group between them, named by {@code name}. */
    static Peers connect(CoreNode a, CoreNode b, String name) throws DbException {
        Friends friends = Friends.befriend(a, b);
        Group group = a.get(GroupFactory.class).createGroup(CLIENT, 0, name.getBytes(StandardCharsets.UTF_8));
        share(a, group, friends.bAtA());
        share(b, group, friends.aAtB());
        return new Peers(friends, group);
    }

    private static void share(CoreNode node, Group group, ContactId with) throws DbException {
        node.db().transaction(false, txn -> {
            node.db().addGroup(txn, group);
            node.db().setGroupVisibility(txn, with, group.getId(), Visibility.SHARED);
        });
    }

    /** Stores {@code count} new shared messages of the group at the node, as a client posting them would. */
    List<MessageId> post(CoreNode node, int count) throws DbException {
        List<Message> messages = new ArrayList<>();
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < count; i++) {
            byte[] body = new byte[BODY_LENGTH];
            random.nextBytes(body);
            messages.add(node.get(MessageFactory.class).createMessage(group.getId(),
                    node.get(Clock.class).currentTimeMillis(), body));
        }
        node.db().transaction(false, txn -> {
            for (Message m : messages) node.db().addMessage(txn, m, MessageState.DELIVERED, true, false);
        });
        return messages.stream().map(Message::getId).toList();
    }

    static boolean hasAll(CoreNode node, Collection<MessageId> ids) {
        try {
            return node.db().transactionWithResult(true, txn -> {
                for (MessageId id : ids) {
                    if (!node.db().containsMessage(txn, id)) return false;
                }
                return true;
            });
        } catch (DbException e) {
            throw new AssertionError(e);
        }
    }

    /** Whether the contact has acked every message the node may send it. */
    static boolean allAcked(CoreNode node, ContactId contact) {
        try {
            return node.db().transactionWithResult(true,
                    txn -> node.db().getUnackedMessagesToSend(txn, contact).isEmpty());
        } catch (DbException e) {
            throw new AssertionError(e);
        }
    }

    /** How often each message was stored as received, across the given event logs of one node's lives. */
    static long timesReceived(MessageId id, EventLog... logs) {
        long n = 0;
        for (EventLog log : logs) {
            n += log.count(MessageAddedEvent.class, e -> e.contactId() != null && e.message().getId().equals(id));
        }
        return n;
    }
}
