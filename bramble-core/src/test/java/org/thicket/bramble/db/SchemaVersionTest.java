package org.thicket.bramble.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thicket.bramble.db.TestData.database;
import static org.thicket.bramble.db.TestData.randomKey;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.DataTooNewException;
import org.thicket.bramble.db.api.DataTooOldException;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.MigrationListener;
import org.thicket.bramble.settings.api.Settings;
import org.thicket.bramble.test.CapturingEventBus;

class SchemaVersionTest {

    @TempDir
    Path dir;

    private final CapturingEventBus bus = new CapturingEventBus();
    private final SecretKey key = randomKey();
    private final CountingListener listener = new CountingListener();

    @BeforeEach
    void createDatabase() throws DbException {
        DatabaseComponentImpl db = database(dir, bus);
        db.open(key, MigrationListener.NONE);
        db.close();
    }

    @Test
    void storesTheCodeVersion() throws DbException {
        DatabaseComponentImpl db = database(dir, bus);
        db.open(key, listener);
        assertThat(storedVersion(db)).isEqualTo(Schema.CODE_SCHEMA_VERSION);
        assertThat(listener.migrations).isZero();
        db.close();
    }

    @Test
    void newerSchemaIsRefused() throws DbException {
        storeVersion(Schema.CODE_SCHEMA_VERSION + 1);
        DatabaseComponentImpl db = database(dir, bus);
        assertThatThrownBy(() -> db.open(key, listener)).isInstanceOf(DataTooNewException.class)
                .hasMessageContaining("newer version of the app");
        // The refusal closed every connection: a second try in this JVM gets the same answer, not "in use".
        assertThatThrownBy(() -> db.open(key, listener)).isInstanceOf(DataTooNewException.class);
        assertThat(listener.migrations).isZero();
    }

    @Test
    void schemaOlderThanEveryMigrationIsRefused() throws DbException {
        storeVersion(0); // the first migration starts at version 1
        DatabaseComponentImpl db = database(dir, bus);
        assertThatThrownBy(() -> db.open(key, listener)).isInstanceOf(DataTooOldException.class)
                .hasMessageContaining("too old");
        assertThat(listener.migrations).isZero();
    }

    @Test
    void migrationsRunInOrderInOneTransactionAndOnlyOnce() throws DbException {
        int code = Schema.CODE_SCHEMA_VERSION;
        storeVersion(code - 2);
        List<String> applied = new ArrayList<>();
        // Given out of order; the chain decides the order.
        List<Migration> migrations = List.of(
                new TableCreatingMigration(code - 1, code, "secondStep", applied),
                new TableCreatingMigration(code - 2, code - 1, "firstStep", applied));

        DatabaseComponentImpl db = database(dir, bus, migrations);
        assertThat(db.open(key, listener)).isFalse();
        assertThat(applied).containsExactly("firstStep", "secondStep");
        assertThat(listener.migrations).isEqualTo(1);
        assertThat(storedVersion(db)).isEqualTo(code);
        db.transaction(true, txn -> assertThat(rowCount(txn.unbox(), "secondStep")).isZero());
        db.close();

        DatabaseComponentImpl again = database(dir, bus, migrations);
        again.open(key, listener);
        assertThat(applied).hasSize(2);
        assertThat(listener.migrations).isEqualTo(1);
        again.close();
    }

    @Test
    void failedMigrationRollsBackItsChanges() throws DbException {
        int code = Schema.CODE_SCHEMA_VERSION;
        storeVersion(code - 1);
        Migration failing = new Migration() {
            @Override
            public int startVersion() {
                return code - 1;
            }

            @Override
            public int endVersion() {
                return code;
            }

            @Override
            public void migrate(Connection c) throws SQLException {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO settings VALUES ('test', 'half-done', 'yes')");
                }
                throw new SQLException("Migration failed half-way");
            }
        };
        assertThatThrownBy(() -> database(dir, bus, List.of(failing)).open(key, listener))
                .isInstanceOf(DbException.class).hasMessageContaining("Could not migrate");

        DatabaseComponentImpl db = database(dir, bus, List.of(new TableCreatingMigration(code - 1, code, "t",
                new ArrayList<>())));
        db.open(key, listener);
        db.transaction(true, txn -> assertThat(db.getSettings(txn, "test").containsKey("half-done")).isFalse());
        db.close();
    }

    @Test
    void aDatabaseWhoseCreationDidNotFinishIsReportedAsSuch() throws Exception {
        Path unfinished = dir.resolve("unfinished");
        // An H2 file with the key but without our tables: what a crash during creation can leave.
        new H2Connector(unfinished).connect(key, true, 1).get(0).close();
        assertThatThrownBy(() -> database(unfinished, bus).open(key, listener)).isInstanceOf(DbException.class)
                .hasMessageContaining("creation did not finish");
    }

    /** Rewrites the stored schema version of the closed database, as an older or newer app would have left it. */
    private void storeVersion(int version) throws DbException {
        DatabaseComponentImpl db = database(dir, bus);
        db.open(key, MigrationListener.NONE);
        db.transaction(false, txn -> db.mergeSettings(txn,
                Settings.EMPTY.withInt(SchemaMigrator.SCHEMA_VERSION_KEY, version), SchemaMigrator.NAMESPACE));
        db.close();
    }

    private static int storedVersion(DatabaseComponentImpl db) throws DbException {
        return db.transactionWithResult(true, txn -> db.getSettings(txn, SchemaMigrator.NAMESPACE)
                .getInt(SchemaMigrator.SCHEMA_VERSION_KEY, -1));
    }

    private static int rowCount(Object connection, String table) {
        try (Statement s = ((Connection) connection).createStatement();
                var rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private record TableCreatingMigration(int startVersion, int endVersion, String table, List<String> applied)
            implements Migration {

        @Override
        public void migrate(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + table + " (id INT)");
            }
            applied.add(table);
        }
    }

    private static final class CountingListener implements MigrationListener {

        int migrations;

        @Override
        public void onDatabaseMigration() {
            migrations++;
        }

        @Override
        public void onDatabaseCompaction() {
        }
    }
}
