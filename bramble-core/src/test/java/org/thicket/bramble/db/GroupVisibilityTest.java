package org.thicket.bramble.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thicket.bramble.sync.api.Visibility.INVISIBLE;
import static org.thicket.bramble.sync.api.Visibility.SHARED;
import static org.thicket.bramble.sync.api.Visibility.VISIBLE;

import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.NoSuchGroupException;
import org.thicket.bramble.sync.api.GroupVisibilityUpdatedEvent;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageAddedEvent;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageSharedEvent;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.sync.api.Visibility;

/** Visibility per contact, the statuses it creates and removes, and which messages may go to whom. */
class GroupVisibilityTest extends SyncDatabaseTestCase {

    @Test
    void aGroupIsInvisibleUntilMadeVisible() throws DbException {
        assertThat(visibility(alice)).isEqualTo(INVISIBLE);
        Visibility unknown = db.transactionWithResult(true, txn -> db.getGroupVisibility(txn, new ContactId(999),
                TestData.group(2).getId()));
        assertThat(unknown).isEqualTo(INVISIBLE);
        setVisibility(alice, VISIBLE);
        assertThat(visibility(alice)).isEqualTo(VISIBLE);
        setVisibility(alice, SHARED);
        assertThat(visibility(alice)).isEqualTo(SHARED);
        assertThat(visibility(bob)).isEqualTo(INVISIBLE);
    }

    @Test
    void everyChangeIsAnnouncedAndNoChangeIsNot() throws DbException {
        newEvents();
        setVisibility(alice, SHARED);
        setVisibility(alice, SHARED);
        setVisibility(alice, VISIBLE);
        setVisibility(alice, INVISIBLE);
        setVisibility(alice, INVISIBLE);
        GroupVisibilityUpdatedEvent event = new GroupVisibilityUpdatedEvent(List.of(alice));
        assertThat(newEvents()).containsExactly(event, event, event);
    }

    @Test
    void becomingVisibleCreatesStatusesOfTheGroupsMessages() throws DbException {
        Message kept = message(1);
        Message deleted = message(2);
        addLocal(kept, deleted);
        db.transaction(false, txn -> db.deleteMessage(txn, deleted.getId()));
        assertThat(count("statuses")).isZero();

        setVisibility(alice, SHARED);
        setVisibility(bob, VISIBLE);
        assertThat(count("statuses")).isEqualTo(4);
        for (String flag : List.of("ack", "seen", "requested", "txCount", "expiry")) {
            assertThat(status(alice, kept, flag)).as(flag).isZero();
        }
        assertThat(status(alice, kept, "groupShared")).isOne();
        assertThat(status(bob, kept, "groupShared")).isZero();
        assertThat(status(alice, kept, "deleted")).isZero();
        assertThat(status(alice, deleted, "deleted")).isOne();
    }

    @Test
    void switchingBetweenVisibleAndSharedKeepsTheStatuses() throws DbException {
        Message m = message(1);
        addLocal(m);
        setVisibility(alice, VISIBLE);
        db.transaction(false, txn -> db.raiseAckFlag(txn, alice, m.getId()));
        setVisibility(alice, SHARED);
        assertThat(status(alice, m, "groupShared")).isOne();
        assertThat(status(alice, m, "ack")).as("state survives the switch").isOne();
        setVisibility(alice, VISIBLE);
        assertThat(status(alice, m, "groupShared")).isZero();
    }

    @Test
    void becomingInvisibleRemovesTheContactsStatusesOnly() throws DbException {
        Message m = message(1);
        addLocal(m);
        setVisibility(alice, SHARED);
        setVisibility(bob, SHARED);
        setVisibility(alice, INVISIBLE);
        assertThat(status(alice, m, "seen")).isEqualTo(-1);
        assertThat(status(bob, m, "seen")).isZero();
    }

    @Test
    void newMessagesGetAStatusPerContactTheGroupIsVisibleTo() throws DbException {
        setVisibility(alice, SHARED);
        setVisibility(bob, VISIBLE);
        newEvents();
        Message m = message(1);
        addLocal(m);
        assertThat(status(alice, m, "messageShared")).isOne();
        assertThat(status(alice, m, "ack")).isZero();
        assertThat(status(alice, m, "seen")).isZero();
        assertThat(status(bob, m, "groupShared")).isZero();
        assertThat(status(carol, m, "seen")).isEqualTo(-1);
        assertThat(newEvents()).containsExactly(new MessageAddedEvent(m, null), new MessageSharedEvent(m.getId()));
    }

    @Test
    void onlySharedDeliveredUndeletedMessagesOfASharedGroupAreSent() throws DbException {
        setVisibility(alice, SHARED);
        setVisibility(bob, VISIBLE);
        Message sendable = message(1);
        Message unshared = message(2);
        Message pending = message(3);
        Message deleted = message(4);
        addLocal(sendable, deleted);
        db.transaction(false, txn -> {
            db.addMessage(txn, unshared, MessageState.DELIVERED, false, false);
            db.addMessage(txn, pending, MessageState.PENDING, true, false);
            db.deleteMessage(txn, deleted.getId());
        });
        assertThat(sendable(alice)).containsExactly(sendable.getId());
        assertThat(sendable(bob)).isEmpty();
        assertThat(sendable(carol)).isEmpty();

        newEvents();
        db.transaction(false, txn -> {
            db.setMessageShared(txn, unshared.getId());
            db.setMessageShared(txn, unshared.getId());
            db.setMessageState(txn, pending.getId(), MessageState.DELIVERED);
        });
        assertThat(newEvents()).containsExactly(new MessageSharedEvent(unshared.getId()));
        assertThat(sendable(alice)).containsExactly(sendable.getId(), unshared.getId(), pending.getId());

        setVisibility(bob, SHARED);
        assertThat(sendable(bob)).containsExactly(sendable.getId(), unshared.getId(), pending.getId());
    }

    @Test
    void anUnknownGroupCannotBeMadeVisible() {
        assertThatThrownBy(() -> db.transaction(false, txn -> db.setGroupVisibility(txn, alice,
                TestData.group(2).getId(), SHARED))).isInstanceOf(NoSuchGroupException.class);
    }

    @Test
    void anUnknownContactCannotBeGivenAVisibility() {
        assertThatThrownBy(() -> db.transaction(false, txn -> db.setGroupVisibility(txn, new ContactId(999),
                group.getId(), SHARED))).isInstanceOf(DbException.class);
    }

    private Visibility visibility(ContactId contactId) throws DbException {
        return db.transactionWithResult(true, txn -> db.getGroupVisibility(txn, contactId, group.getId()));
    }

    /** What an eager session would send: every unacked message that may go to the contact. */
    private Collection<MessageId> sendable(ContactId contactId) throws DbException {
        return db.transactionWithResult(true, txn -> db.getUnackedMessagesToSend(txn, contactId));
    }
}
