package org.thicket.bramble.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thicket.bramble.db.SchemaFixtures.INSERT_STATUS;
import static org.thicket.bramble.db.SchemaFixtures.METADATA_INDEXES;
import static org.thicket.bramble.db.SchemaFixtures.STATUS_INDEXES;
import static org.thicket.bramble.db.SchemaFixtures.addContactOfNewIdentity;
import static org.thicket.bramble.db.SchemaFixtures.execute;
import static org.thicket.bramble.db.SchemaFixtures.indexes;
import static org.thicket.bramble.db.SchemaFixtures.migrateAgain;
import static org.thicket.bramble.db.TestData.count;
import static org.thicket.bramble.db.TestData.database;
import static org.thicket.bramble.db.TestData.group;
import static org.thicket.bramble.db.TestData.message;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.settings.api.Settings;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.sync.api.Metadata;

/**
 * A schema-4 database (statuses and metadata keyed by message ID, messages without numbers) opened by this code:
 * the messages are numbered, both tables are rebuilt with every row and flag, the indexes are those of a new
 * database, the sync and metadata methods work on the migrated rows, and a run interrupted after the old statuses
 * table was dropped is finished by the next open.
 */
class SequentialKeysMigrationTest extends MigrationTestCase {

    /** Schema 4's statuses and messageMetadata, keyed by message ID. */
    private static final String SCHEMA_4_STATUSES = """
            CREATE TABLE statuses4 (
                messageId BINARY(32) NOT NULL,
                contactId INT NOT NULL,
                groupId BINARY(32) NOT NULL,
                timestamp BIGINT NOT NULL,
                length INT NOT NULL,
                state INT NOT NULL,
                groupShared BOOLEAN NOT NULL,
                messageShared BOOLEAN NOT NULL,
                deleted BOOLEAN NOT NULL,
                ack BOOLEAN NOT NULL,
                seen BOOLEAN NOT NULL,
                requested BOOLEAN NOT NULL,
                expiry BIGINT NOT NULL,
                txCount INT NOT NULL,
                maxLatency BIGINT,
                PRIMARY KEY (messageId, contactId),
                FOREIGN KEY (contactId) REFERENCES contacts (contactId) ON DELETE CASCADE,
                FOREIGN KEY (groupId) REFERENCES syncGroups (groupId) ON DELETE CASCADE)""";
    private static final String SCHEMA_4_METADATA = """
            CREATE TABLE messageMetadata4 (
                messageId BINARY(32) NOT NULL,
                groupId BINARY(32) NOT NULL,
                state INT NOT NULL,
                entries VARBINARY NOT NULL,
                PRIMARY KEY (messageId),
                FOREIGN KEY (messageId) REFERENCES messages (messageId) ON DELETE CASCADE)""";

    private final Message first = message(group, 1, new byte[] {1});
    private final Message second = message(group, 2, new byte[] {2});
    private final Metadata metadata = Metadata.EMPTY.with("read", new byte[] {0x11});

    @Test
    void schemaFourIsRebuiltWithEveryRowAndFlag() throws Exception {
        writeSchemaFourDatabase();

        DatabaseComponentImpl db = open();
        try {
            assertMigrated(db);

            migrateAgain(db, new SequentialKeysMigration());
            assertThat(indexes(db, "STATUSES")).isEqualTo(STATUS_INDEXES);
            assertThat(count(db, "statuses")).isEqualTo(2);

            // A message stored now is numbered after the migrated ones, and the group takes everything with it.
            Message third = message(group, 3, new byte[] {3});
            db.transaction(false, txn -> db.addMessage(txn, third, MessageState.DELIVERED, true, false));
            assertThat(inNumberOrder(db)).containsExactly(first.getId(), second.getId(), third.getId());
            db.transaction(false, txn -> db.removeGroup(txn, group.getId()));
            assertThat(count(db, "statuses")).isZero();
            assertThat(count(db, "messageMetadata")).isZero();
        } finally {
            db.close();
        }
    }

    @Test
    void aRunStoppedAfterDroppingTheOldStatusesIsFinished() throws Exception {
        writeSchemaFourDatabase();
        try (Connection c = new H2Connector(dir).connect(key, false, 1).get(0); Statement s = c.createStatement()) {
            // The first steps of a run, up to the crash: numbers, the new table with its rows, the old one dropped.
            s.execute("ALTER TABLE messages ADD COLUMN " + SequentialKeysMigration.MESSAGE_NUMBER);
            s.execute(SequentialKeysMigration.statuses(SequentialKeysMigration.NEW_STATUSES));
            s.execute("INSERT INTO " + SequentialKeysMigration.NEW_STATUSES + " SELECT m.messageNo, o.contactId,"
                    + " o.messageId, o.groupId, o.timestamp, o.length, o.state, o.groupShared, o.messageShared,"
                    + " o.deleted, o.ack, o.seen, o.requested, o.expiry, o.txCount, o.maxLatency"
                    + " FROM statuses o JOIN messages m ON m.messageId = o.messageId");
            s.execute("DROP TABLE statuses");
        }

        openAndCheck(this::assertMigrated);
    }

    private void assertMigrated(DatabaseComponentImpl db) throws DbException {
        assertThat(indexes(db, "STATUSES")).isEqualTo(STATUS_INDEXES);
        assertThat(indexes(db, "MESSAGEMETADATA")).isEqualTo(METADATA_INDEXES);
        assertThat(inNumberOrder(db)).containsExactly(first.getId(), second.getId());
        ContactId contact = new ContactId(1);
        db.transaction(false, txn -> {
            // The first message's status kept its flags: an ack is owed, it was sent twice and is not yet due.
            assertThat(db.getMessagesToAck(txn, contact, 10)).containsExactly(first.getId());
            assertThat(db.getMessagesToSend(txn, contact, 1_000_000, 100)).extracting(Message::getId)
                    .containsExactly(second.getId());
            assertThat(db.getMessageMetadata(txn, first.getId())).isEqualTo(metadata);
            assertThat(db.getMessageMetadata(txn, second.getId())).isEqualTo(Metadata.EMPTY);
            // The migrated rows are found by message ID for writes too.
            db.setAckedBy(txn, contact, List.of(first.getId()));
            db.mergeMessageMetadata(txn, second.getId(), metadata);
            assertThat(db.getMessageMetadata(txn, second.getId())).isEqualTo(metadata);
        });
    }

    /**
     * A database as schema 4 left it: two delivered messages, the first with metadata and a status that owes an ack
     * and was sent twice, the second with a status never sent; version 4. Written by this code, then turned back.
     */
    private void writeSchemaFourDatabase() throws Exception {
        DatabaseComponentImpl db = open();
        db.transaction(false, txn -> {
            db.addGroup(txn, group);
            db.addMessage(txn, first, MessageState.DELIVERED, true, false);
            db.addMessage(txn, second, MessageState.DELIVERED, true, false);
            db.mergeMessageMetadata(txn, first.getId(), metadata);
            addContactOfNewIdentity(db, txn);
            execute(txn, INSERT_STATUS, first.getId().getBytes());
            execute(txn, INSERT_STATUS, second.getId().getBytes());
            execute(txn, "UPDATE statuses SET ack = TRUE, txCount = 2, expiry = " + Long.MAX_VALUE
                    + ", maxLatency = 100 WHERE messageId = ?", first.getId().getBytes());
            db.mergeSettings(txn, Settings.EMPTY.withInt(SchemaMigrator.SCHEMA_VERSION_KEY, 4),
                    SchemaMigrator.NAMESPACE);
        });
        db.close();
        try (Connection c = new H2Connector(dir).connect(key, false, 1).get(0); Statement s = c.createStatement()) {
            s.execute(SCHEMA_4_STATUSES);
            s.execute("INSERT INTO statuses4 SELECT messageId, contactId, groupId, timestamp, length, state,"
                    + " groupShared, messageShared, deleted, ack, seen, requested, expiry, txCount, maxLatency"
                    + " FROM statuses");
            s.execute("DROP TABLE statuses");
            s.execute("ALTER TABLE statuses4 RENAME TO statuses");
            s.execute(SyncIndexesMigration.ACKS_OWED);
            s.execute(SyncIndexesMigration.NOT_SEEN);
            s.execute(SyncIndexesMigration.REQUESTED);
            s.execute(SCHEMA_4_METADATA);
            s.execute("INSERT INTO messageMetadata4 SELECT messageId, groupId, state, entries FROM messageMetadata");
            s.execute("DROP TABLE messageMetadata");
            s.execute("ALTER TABLE messageMetadata4 RENAME TO messageMetadata");
            s.execute(MetadataRowsMigration.CREATE_INDEX);
            s.execute("ALTER TABLE messages DROP COLUMN messageNo");
        }
    }

    /** The stored messages' IDs, in the order of their numbers. */
    private static List<MessageId> inNumberOrder(DatabaseComponentImpl db) throws DbException {
        return db.transactionWithResult(true, txn -> {
            List<MessageId> ids = new ArrayList<>();
            try (Statement s = ((Connection) txn.unbox()).createStatement();
                    ResultSet rs = s.executeQuery("SELECT messageId FROM messages ORDER BY messageNo")) {
                while (rs.next()) ids.add(new MessageId(rs.getBytes(1)));
            } catch (SQLException e) {
                throw new DbException("messages in number order", e);
            }
            return ids;
        });
    }
}
