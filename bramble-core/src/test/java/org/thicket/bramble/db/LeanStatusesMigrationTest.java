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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.settings.api.Settings;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.sync.api.Metadata;

/**
 * A database with schema 3's foreign keys and status indexes is opened by this code: it ends with exactly the
 * indexes of a database created now (schema 3's extras are added to the current tables, so later migrations find
 * nothing left to do), keeps its rows, and running the migration a second time (as after a crash
 * half-way, since H2 commits each DDL statement) changes nothing.
 */
class LeanStatusesMigrationTest extends MigrationTestCase {

    /** What schema 3 had and schema 4 dropped. */
    private static final String[] SCHEMA_3_EXTRAS = {
        "ALTER TABLE statuses ADD FOREIGN KEY (messageId) REFERENCES messages (messageId) ON DELETE CASCADE",
        "ALTER TABLE messageMetadata ADD FOREIGN KEY (groupId) REFERENCES syncGroups (groupId) ON DELETE CASCADE",
        "ALTER TABLE messageDependencies ADD FOREIGN KEY (groupId) REFERENCES syncGroups (groupId)"
                + " ON DELETE CASCADE",
        "CREATE INDEX statusesByContactIdGroupId ON statuses (contactId, groupId)",
        "CREATE INDEX statusesByContactIdTimestamp ON statuses (contactId, timestamp)",
        "CREATE INDEX statusesByContactIdTxCountTimestamp ON statuses (contactId, txCount, timestamp)"};

    private final Message m = message(group, 1, new byte[] {1});
    private final Metadata metadata = Metadata.EMPTY.with("read", new byte[] {0x11});

    @Test
    void aNewDatabaseHasOnlyTheIndexesItNeeds() throws Exception {
        DatabaseComponentImpl db = open();
        try {
            assertThat(indexes(db, "STATUSES")).isEqualTo(STATUS_INDEXES);
            assertThat(indexes(db, "MESSAGEMETADATA")).isEqualTo(METADATA_INDEXES);
        } finally {
            db.close();
        }
    }

    @Test
    void schemaThreeLosesItsExtraIndexesAndKeepsItsRows() throws Exception {
        writeSchemaThreeDatabase();
        assertThat(indexCount("STATUSES")).isEqualTo(STATUS_INDEXES.size() + 4);

        DatabaseComponentImpl db = open();
        try {
            assertThat(indexes(db, "STATUSES")).isEqualTo(STATUS_INDEXES);
            assertThat(indexes(db, "MESSAGEMETADATA")).isEqualTo(METADATA_INDEXES);
            assertThat(count(db, "statuses")).isEqualTo(1);
            Metadata stored = db.transactionWithResult(true, txn -> db.getMessageMetadata(txn, m.getId()));
            assertThat(stored).isEqualTo(metadata);

            migrateAgain(db, new LeanStatusesMigration());
            assertThat(indexes(db, "STATUSES")).isEqualTo(STATUS_INDEXES);

            // The group's removal still takes its message's status and metadata with it.
            db.transaction(false, txn -> db.removeGroup(txn, group.getId()));
            assertThat(count(db, "statuses")).isZero();
            assertThat(count(db, "messageMetadata")).isZero();
        } finally {
            db.close();
        }
    }

    /** This code's tables with a group, a message with metadata and a status, and schema 3's extras, version 3. */
    private void writeSchemaThreeDatabase() throws DbException {
        DatabaseComponentImpl db = open();
        db.transaction(false, txn -> {
            db.addGroup(txn, group);
            db.addMessage(txn, m, MessageState.DELIVERED, true, false);
            db.mergeMessageMetadata(txn, m.getId(), metadata);
            addContactOfNewIdentity(db, txn);
            execute(txn, INSERT_STATUS, m.getId().getBytes());
            for (String sql : SCHEMA_3_EXTRAS) execute(txn, sql);
            db.mergeSettings(txn, Settings.EMPTY.withInt(SchemaMigrator.SCHEMA_VERSION_KEY, 3),
                    SchemaMigrator.NAMESPACE);
        });
        db.close();
    }

    private int indexCount(String table) throws DbException {
        // Opening the database would migrate it, so count through a connection of its own.
        try (Connection c = new H2Connector(dir).connect(key, false, 1).get(0);
                PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new DbException("count", e);
        }
    }
}
