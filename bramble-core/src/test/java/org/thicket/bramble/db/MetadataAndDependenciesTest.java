package org.thicket.bramble.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.NoSuchGroupException;
import org.thicket.bramble.db.api.NoSuchMessageException;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.sync.api.Metadata;

/** Metadata and dependencies, stored for validation and clients. */
class MetadataAndDependenciesTest extends SyncDatabaseTestCase {

    private static final byte[] TRUE = {0x11};
    private static final byte[] FALSE = {0x10};

    @Test
    void groupMetadataMergesKeyByKeyAndRemovesKeysGivenEmpty() throws DbException {
        Metadata first = Metadata.EMPTY.with("a", TRUE).with("b", new byte[] {0x21, 5});
        db.transaction(false, txn -> db.mergeGroupMetadata(txn, group.getId(), first));
        db.transaction(false, txn -> db.mergeGroupMetadata(txn, group.getId(),
                Metadata.EMPTY.with("a", FALSE).with("c", TRUE).withRemoved("b").withRemoved("absent")));
        Metadata stored = db.transactionWithResult(true, txn -> db.getGroupMetadata(txn, group.getId()));
        assertThat(stored).isEqualTo(Metadata.EMPTY.with("a", FALSE).with("c", TRUE));
    }

    @Test
    void messageMetadataMergesKeyByKeyAndRemovesKeysGivenEmpty() throws DbException {
        Message m = message(1);
        db.transaction(false, txn -> {
            db.addMessage(txn, m, MessageState.DELIVERED, false, false);
            db.mergeMessageMetadata(txn, m.getId(), Metadata.EMPTY.with("a", TRUE).with("b", new byte[] {0x21, 5})
                    .with("same", TRUE));
        });
        db.transaction(false, txn -> db.mergeMessageMetadata(txn, m.getId(), Metadata.EMPTY.with("a", FALSE)
                .with("c", TRUE).with("same", TRUE).withRemoved("b").withRemoved("absent")));
        Metadata stored = db.transactionWithResult(true, txn -> db.getMessageMetadata(txn, m.getId()));
        assertThat(stored).isEqualTo(Metadata.EMPTY.with("a", FALSE).with("c", TRUE).with("same", TRUE));
        Map<MessageId, Metadata> delivered =
                db.transactionWithResult(true, txn -> db.getMessageMetadata(txn, group.getId()));
        assertThat(delivered).as("new rows carry the message's state").containsKey(m.getId());
    }

    @Test
    void aMessageAddedWithMetadataHasItAtOnceAndADuplicateGetsItMerged() throws DbException {
        Message m = message(1);
        boolean added = db.transactionWithResult(false, txn -> db.addMessage(txn, m, MessageState.DELIVERED,
                Metadata.EMPTY.with("a", TRUE).withRemoved("gone"), false, false));
        assertThat(added).isTrue();
        assertThat(ids(Metadata.EMPTY.with("a", TRUE))).as("written with the message's group and state")
                .containsExactly(m.getId());

        boolean again = db.transactionWithResult(false, txn -> db.addMessage(txn, m, MessageState.PENDING,
                Metadata.EMPTY.with("b", FALSE), false, false));
        assertThat(again).isFalse();
        Metadata stored = db.transactionWithResult(true, txn -> db.getMessageMetadata(txn, m.getId()));
        assertThat(stored).isEqualTo(Metadata.EMPTY.with("a", TRUE).with("b", FALSE));
        MessageState state = db.transactionWithResult(true, txn -> db.getMessageState(txn, m.getId()));
        assertThat(state).as("a duplicate keeps its state").isEqualTo(MessageState.DELIVERED);

        Message bare = message(2);
        db.transaction(false, txn -> db.addMessage(txn, bare, MessageState.DELIVERED, Metadata.EMPTY, false, false));
        Map<MessageId, Metadata> byGroup = db.transactionWithResult(true,
                txn -> db.getMessageMetadata(txn, group.getId()));
        assertThat(byGroup).as("no row for no metadata").containsOnlyKeys(m.getId());
    }

    @Test
    void aConditionalMergeWritesOnlyForAMessageOfTheGroupThatHasTheRequiredEntries() throws DbException {
        Group other = TestData.group(2);
        Message m = message(1);
        Message elsewhere = TestData.message(other, 2, new byte[] {1});
        Metadata undelivered = Metadata.EMPTY.with("local", TRUE).with("delivered", FALSE);
        Metadata delivered = Metadata.EMPTY.with("delivered", TRUE);
        db.transaction(false, txn -> {
            db.addGroup(txn, other);
            db.addMessage(txn, m, MessageState.DELIVERED, undelivered, false, false);
            db.addMessage(txn, elsewhere, MessageState.DELIVERED, undelivered, false, false);
        });

        assertThat(mergeIf(group, elsewhere.getId(), undelivered, delivered)).as("another group's message").isFalse();
        assertThat(mergeIf(group, message(3).getId(), undelivered, delivered)).as("not stored").isFalse();
        assertThat(mergeIf(group, m.getId(), undelivered.with("more", TRUE), delivered)).as("lacks an entry")
                .isFalse();
        assertThat(metadataOf(m.getId())).isEqualTo(undelivered);
        assertThat(metadataOf(elsewhere.getId())).isEqualTo(undelivered);

        assertThat(mergeIf(group, m.getId(), undelivered, delivered)).isTrue();
        assertThat(metadataOf(m.getId())).isEqualTo(Metadata.EMPTY.with("local", TRUE).with("delivered", TRUE));
        assertThat(mergeIf(group, m.getId(), undelivered, delivered)).as("no longer matches").isFalse();
    }

    private boolean mergeIf(Group g, MessageId id, Metadata required, Metadata update) throws DbException {
        return db.transactionWithResult(false, txn -> db.mergeMessageMetadataIf(txn, g.getId(), id, required, update));
    }

    private Metadata metadataOf(MessageId id) throws DbException {
        return db.transactionWithResult(true, txn -> db.getMessageMetadata(txn, id));
    }

    @Test
    void metadataOfUnknownGroupsAndMessagesIsAnError() {
        Group unknownGroup = TestData.group(2);
        MessageId unknownMessage = message(1).getId();
        assertThatThrownBy(() -> db.transaction(true, txn -> db.getGroupMetadata(txn, unknownGroup.getId())))
                .isInstanceOf(NoSuchGroupException.class);
        assertThatThrownBy(() -> db.transaction(false, txn -> db.mergeGroupMetadata(txn, unknownGroup.getId(),
                Metadata.EMPTY.with("a", TRUE)))).isInstanceOf(NoSuchGroupException.class);
        assertThatThrownBy(() -> db.transaction(true, txn -> db.getMessageMetadata(txn, unknownMessage)))
                .isInstanceOf(NoSuchMessageException.class);
        assertThatThrownBy(() -> db.transaction(false, txn -> db.mergeMessageMetadata(txn, unknownMessage,
                Metadata.EMPTY.with("a", TRUE)))).isInstanceOf(NoSuchMessageException.class);
    }

    @Test
    void messageMetadataIsQueriedByGroupAmongDeliveredMessages() throws DbException {
        Message read = message(1);
        Message unread = message(2);
        Message pending = message(3);
        Message bare = message(4);
        addLocal(read, unread, bare);
        db.transaction(false, txn -> {
            db.addMessage(txn, pending, MessageState.PENDING, false, false);
            db.mergeMessageMetadata(txn, read.getId(), Metadata.EMPTY.with("read", TRUE).with("n", new byte[] {1}));
            db.mergeMessageMetadata(txn, unread.getId(), Metadata.EMPTY.with("read", FALSE));
            db.mergeMessageMetadata(txn, pending.getId(), Metadata.EMPTY.with("read", TRUE));
        });

        Map<MessageId, Metadata> byGroup = db.transactionWithResult(true,
                txn -> db.getMessageMetadata(txn, group.getId()));
        assertThat(byGroup).containsOnlyKeys(read.getId(), unread.getId());
        assertThat(byGroup.get(unread.getId())).isEqualTo(Metadata.EMPTY.with("read", FALSE));
        assertThat(ids(Metadata.EMPTY)).containsExactlyInAnyOrder(read.getId(), unread.getId(), bare.getId());
        assertThat(ids(Metadata.EMPTY.with("read", TRUE))).containsExactly(read.getId());
        assertThat(ids(Metadata.EMPTY.with("read", TRUE).with("n", new byte[] {2}))).isEmpty();
        Collection<MessageId> all = db.transactionWithResult(true, txn -> db.getMessageIds(txn, group.getId()));
        assertThat(all).containsExactlyInAnyOrder(read.getId(), unread.getId(), bare.getId());

        db.transaction(false, txn -> db.setMessageState(txn, pending.getId(), MessageState.DELIVERED));
        assertThat(ids(Metadata.EMPTY.with("read", TRUE))).containsExactlyInAnyOrder(read.getId(), pending.getId());
        Metadata ofPending = db.transactionWithResult(true, txn -> db.getMessageMetadata(txn, pending.getId()));
        assertThat(ofPending).isEqualTo(Metadata.EMPTY.with("read", TRUE));
    }

    @Test
    void dependenciesReportTheStateOfEachDependency() throws DbException {
        Message dependent = message(1);
        Message delivered = message(2);
        Message missing = message(3);
        Group otherGroup = TestData.group(2);
        Message elsewhere = TestData.message(otherGroup, 4, new byte[] {4});
        addLocal(dependent, delivered);
        db.transaction(false, txn -> {
            db.addGroup(txn, otherGroup);
            db.addMessage(txn, elsewhere, MessageState.DELIVERED, true, false);
            db.addMessageDependencies(txn, dependent.getId(),
                    List.of(delivered.getId(), missing.getId(), elsewhere.getId()));
            db.addMessageDependencies(txn, dependent.getId(), List.of(delivered.getId()));
        });
        assertThat(dependencies(dependent)).containsExactlyInAnyOrderEntriesOf(Map.of(
                delivered.getId(), MessageState.DELIVERED,
                missing.getId(), MessageState.UNKNOWN,
                elsewhere.getId(), MessageState.INVALID));

        db.transaction(false, txn -> db.addMessage(txn, missing, MessageState.PENDING, false, false));
        assertThat(dependencies(dependent)).containsEntry(missing.getId(), MessageState.PENDING);
        assertThat(queryLong("SELECT dependencyState FROM messageDependencies WHERE dependencyId = ?",
                missing.getId())).as("the stored copy follows").isEqualTo(MessageState.PENDING.getCode());
        assertThat(count("messageDependencies")).isEqualTo(3);
    }

    @Test
    void dependentsAreTheMessagesOfTheSameGroupThatNameThisOne() throws DbException {
        Message base = message(1);
        Message reply = message(2);
        Group otherGroup = TestData.group(2);
        Message intruder = TestData.message(otherGroup, 3, new byte[] {3});
        addLocal(base);
        db.transaction(false, txn -> {
            db.addMessage(txn, reply, MessageState.PENDING, false, false);
            db.addGroup(txn, otherGroup);
            db.addMessage(txn, intruder, MessageState.PENDING, false, false);
            db.addMessageDependencies(txn, reply.getId(), List.of(base.getId()));
            db.addMessageDependencies(txn, intruder.getId(), List.of(base.getId()));
        });
        Map<MessageId, MessageState> dependents = db.transactionWithResult(true,
                txn -> db.getMessageDependents(txn, base.getId()));
        assertThat(dependents).containsExactlyEntriesOf(Map.of(reply.getId(), MessageState.PENDING));
    }

    @Test
    void aDependentMustBeStored() {
        assertThatThrownBy(() -> db.transaction(false, txn -> db.addMessageDependencies(txn, message(1).getId(),
                List.of(message(2).getId())))).isInstanceOf(NoSuchMessageException.class);
    }

    private Collection<MessageId> ids(Metadata query) throws DbException {
        return db.transactionWithResult(true, txn -> db.getMessageIds(txn, group.getId(), query));
    }

    private Map<MessageId, MessageState> dependencies(Message m) throws DbException {
        return db.transactionWithResult(true, txn -> db.getMessageDependencies(txn, m.getId()));
    }
}
