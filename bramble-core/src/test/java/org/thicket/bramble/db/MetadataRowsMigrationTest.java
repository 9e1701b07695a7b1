package org.thicket.bramble.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thicket.bramble.db.TestData.database;
import static org.thicket.bramble.db.TestData.group;
import static org.thicket.bramble.db.TestData.message;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.settings.api.Settings;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.sync.api.Metadata;

/**
 * A database written by schema 2 (message metadata a row per key) is opened by this code: every message keeps its
 * metadata, now one row each, and queries by group and state still find it; also when a previous migration died
 * after dropping the old table but before renaming the new one.
 */
class MetadataRowsMigrationTest extends MigrationTestCase {

    private static final byte[] TRUE = {0x11};
    private static final byte[] FALSE = {0x10};

    /** What schema 2's table was. */
    private static final String SCHEMA_2_TABLE = """
            CREATE TABLE messageMetadata (
                messageId BINARY(32) NOT NULL,
                groupId BINARY(32) NOT NULL,
                state INT NOT NULL,
                metaKey VARCHAR NOT NULL,
                metaValue VARBINARY NOT NULL,
                PRIMARY KEY (messageId, metaKey),
                FOREIGN KEY (messageId) REFERENCES messages (messageId) ON DELETE CASCADE,
                FOREIGN KEY (groupId) REFERENCES syncGroups (groupId) ON DELETE CASCADE)""";

    private final Message read = message(group, 1, new byte[] {1});
    private final Message unread = message(group, 2, new byte[] {2});
    private final Message pending = message(group, 3, new byte[] {3});
    private Transaction currentTransaction;

    @Test
    void schemaTwoRowsBecomeOneRowPerMessageWithNothingLost() throws Exception {
        writeSchemaTwoDatabase(false);
        openAndCheck(this::assertMigrated);
    }

    @Test
    void aMigrationThatDiedBeforeTheRenameIsFinishedAtTheNextOpening() throws Exception {
        writeSchemaTwoDatabase(true);
        openAndCheck(this::assertMigrated);
    }


    private void assertMigrated(DatabaseComponentImpl db) throws DbException {
        assertThat(metadata(db, read.getId())).isEqualTo(Metadata.EMPTY.with("read", TRUE).with("n", new byte[] {7}));
        assertThat(metadata(db, unread.getId())).isEqualTo(Metadata.EMPTY.with("read", FALSE));
        assertThat(metadata(db, pending.getId())).isEqualTo(Metadata.EMPTY.with("read", TRUE));
        Map<MessageId, Metadata> delivered =
                db.transactionWithResult(true, txn -> db.getMessageMetadata(txn, group.getId()));
        assertThat(delivered).containsOnlyKeys(read.getId(), unread.getId());
        // And it goes on working in the new form.
        db.transaction(false, txn -> db.mergeMessageMetadata(txn, unread.getId(),
                Metadata.EMPTY.with("read", TRUE)));
        assertThat(metadata(db, unread.getId())).isEqualTo(Metadata.EMPTY.with("read", TRUE));
    }

    private static Metadata metadata(DatabaseComponentImpl db, MessageId id) throws DbException {
        return db.transactionWithResult(true, txn -> db.getMessageMetadata(txn, id));
    }

    /**
     * A database as schema 2 left it: this code's tables with the old metadata table and its rows, version 2. With
     * {@code diedBeforeRename}, as a migration that copied the rows and dropped the old table left it.
     */
    private void writeSchemaTwoDatabase(boolean diedBeforeRename) throws Exception {
        DatabaseComponentImpl db = open();
        db.transaction(false, txn -> {
            db.addGroup(txn, group);
            db.addMessage(txn, read, MessageState.DELIVERED, true, false);
            db.addMessage(txn, unread, MessageState.DELIVERED, true, false);
            db.addMessage(txn, pending, MessageState.PENDING, true, false);
            execute(txn, "DROP TABLE messageMetadata");
            execute(txn, SCHEMA_2_TABLE);
            insert(txn, read, MessageState.DELIVERED, "read", TRUE);
            insert(txn, read, MessageState.DELIVERED, "n", new byte[] {7});
            insert(txn, unread, MessageState.DELIVERED, "read", FALSE);
            insert(txn, pending, MessageState.PENDING, "read", TRUE);
            db.mergeSettings(txn, Settings.EMPTY.withInt(SchemaMigrator.SCHEMA_VERSION_KEY, 2),
                    SchemaMigrator.NAMESPACE);
        });
        if (diedBeforeRename) {
            Connection c = connection(db);
            try {
                new MetadataRowsMigration().migrate(c);
                execute(c, "ALTER TABLE messageMetadata RENAME TO messageMetadataRows");
            } finally {
                db.endTransaction(currentTransaction);
            }
        }
        db.close();
    }

    /** A read-write transaction's connection, left open for the caller to end. */
    private Connection connection(DatabaseComponentImpl db) throws DbException {
        currentTransaction = db.startTransaction(false);
        return (Connection) currentTransaction.unbox();
    }

    private void insert(Transaction txn, Message m, MessageState state, String key, byte[] value) {
        try (PreparedStatement ps = ((Connection) txn.unbox()).prepareStatement(
                "INSERT INTO messageMetadata VALUES (?, ?, ?, ?, ?)")) {
            ps.setBytes(1, m.getId().getBytes());
            ps.setBytes(2, group.getId().getBytes());
            ps.setInt(3, state.getCode());
            ps.setString(4, key);
            ps.setBytes(5, value);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static void execute(Transaction txn, String sql) {
        execute((Connection) txn.unbox(), sql);
    }

    private static void execute(Connection c, String sql) {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
