package org.thicket.bramble.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thicket.bramble.db.TestData.count;
import static org.thicket.bramble.db.TestData.database;
import static org.thicket.bramble.db.TestData.group;
import static org.thicket.bramble.db.TestData.identity;
import static org.thicket.bramble.db.TestData.message;
import static org.thicket.bramble.db.TestData.randomBytes;
import static org.thicket.bramble.db.TestData.randomKey;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.MigrationListener;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.identity.api.Identity;
import org.thicket.bramble.settings.api.Settings;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.sync.api.Metadata;
import org.thicket.bramble.test.CapturingEventBus;

/**
 * A database with schema 3's foreign keys and status indexes is opened by this code: it ends with exactly the
 * indexes of a database created now, keeps its rows, and running the migration a second time (as after a crash
 * half-way, since H2 commits each DDL statement) changes nothing.
 */
class LeanStatusesMigrationTest {

    /** The column lists of the statuses indexes schema 4 keeps (H2 names the foreign keys' ones itself). */
    private static final Set<String> STATUS_INDEXES = Set.of("MESSAGEID,CONTACTID", "CONTACTID", "GROUPID",
            "CONTACTID,ACK,TIMESTAMP", "CONTACTID,SEEN,TIMESTAMP", "CONTACTID,REQUESTED,TIMESTAMP");
    private static final Set<String> METADATA_INDEXES = Set.of("MESSAGEID", "GROUPID,STATE");

    /** What schema 3 had and schema 4 dropped. */
    private static final String[] SCHEMA_3_EXTRAS = {
        "ALTER TABLE statuses ADD FOREIGN KEY (messageId) REFERENCES messages (messageId) ON DELETE CASCADE",
        "ALTER TABLE messageMetadata ADD FOREIGN KEY (groupId) REFERENCES syncGroups (groupId) ON DELETE CASCADE",
        "ALTER TABLE messageDependencies ADD FOREIGN KEY (groupId) REFERENCES syncGroups (groupId)"
                + " ON DELETE CASCADE",
        "CREATE INDEX statusesByContactIdGroupId ON statuses (contactId, groupId)",
        "CREATE INDEX statusesByContactIdTimestamp ON statuses (contactId, timestamp)",
        "CREATE INDEX statusesByContactIdTxCountTimestamp ON statuses (contactId, txCount, timestamp)"};

    @TempDir
    Path dir;

    private final CapturingEventBus bus = new CapturingEventBus();
    private final SecretKey key = randomKey();
    private final Group group = group(1);
    private final Message m = message(group, 1, new byte[] {1});
    private final Metadata metadata = Metadata.EMPTY.with("read", new byte[] {0x11});

    @Test
    void aNewDatabaseHasOnlyTheIndexesItNeeds() throws Exception {
        DatabaseComponentImpl db = database(dir, bus);
        db.open(key, MigrationListener.NONE);
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

        DatabaseComponentImpl db = database(dir, bus);
        db.open(key, MigrationListener.NONE);
        try {
            assertThat(indexes(db, "STATUSES")).isEqualTo(STATUS_INDEXES);
            assertThat(indexes(db, "MESSAGEMETADATA")).isEqualTo(METADATA_INDEXES);
            assertThat(count(db, "statuses")).isEqualTo(1);
            Metadata stored = db.transactionWithResult(true, txn -> db.getMessageMetadata(txn, m.getId()));
            assertThat(stored).isEqualTo(metadata);

            migrateAgain(db);
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
        DatabaseComponentImpl db = database(dir, bus);
        db.open(key, MigrationListener.NONE);
        Identity owner = identity("Owner");
        db.transaction(false, txn -> {
            db.addGroup(txn, group);
            db.addMessage(txn, m, MessageState.DELIVERED, true, false);
            db.mergeMessageMetadata(txn, m.getId(), metadata);
            db.addIdentity(txn, owner);
            execute(txn, "INSERT INTO contacts (authorId, formatVersion, name, publicKey, localAuthorId, verified)"
                    + " VALUES (?, 1, 'Carol', ?, ?, TRUE)", randomBytes(32), randomBytes(32),
                    owner.id().getBytes());
            execute(txn, "INSERT INTO statuses SELECT messageId, (SELECT contactId FROM contacts), groupId,"
                    + " timestamp, length, state, TRUE, shared, FALSE, FALSE, FALSE, FALSE, 0, 0, NULL"
                    + " FROM messages WHERE messageId = ?", m.getId().getBytes());
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

    private static void migrateAgain(DatabaseComponentImpl db) throws DbException {
        db.transaction(false, txn -> {
            try {
                new LeanStatusesMigration().migrate((Connection) txn.unbox());
            } catch (SQLException e) {
                throw new DbException("migrate", e);
            }
        });
    }

    /** Each index of the table as its comma-separated column list. */
    private static Set<String> indexes(DatabaseComponentImpl db, String table) throws DbException {
        String sql = "SELECT LISTAGG(COLUMN_NAME, ',') WITHIN GROUP (ORDER BY ORDINAL_POSITION)"
                + " FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE TABLE_NAME = ? GROUP BY INDEX_NAME";
        return db.transactionWithResult(true, txn -> {
            Set<String> indexes = new TreeSet<>();
            try (PreparedStatement ps = ((Connection) txn.unbox()).prepareStatement(sql)) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) indexes.add(rs.getString(1));
                }
            } catch (SQLException e) {
                throw new DbException(sql, e);
            }
            return indexes;
        });
    }

    private static void execute(Transaction txn, String sql, byte[]... args) throws DbException {
        try (PreparedStatement ps = ((Connection) txn.unbox()).prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setBytes(i + 1, args[i]);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new DbException(sql, e);
        }
    }
}
