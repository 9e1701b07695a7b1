package org.thicket.bramble.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thicket.bramble.db.TestData.database;
import static org.thicket.bramble.db.TestData.randomKey;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.MigrationListener;
import org.thicket.bramble.settings.api.Settings;
import org.thicket.bramble.test.CapturingEventBus;

/**
 * The status indexes a sync round needs, in a new database and in one of schema 1, which had none. Schema 5 replaced
 * two of schema 2's with covering ones (SequentialKeysMigration), so a schema-1 database ends with those.
 */
class SyncIndexesMigrationTest {

    private static final List<String> INDEXES = List.of("STATUSESTOACK", "STATUSESNOTSEEN",
            "STATUSESBYCONTACTIDREQUESTEDTIMESTAMP");

    @TempDir
    Path dir;

    private final CapturingEventBus bus = new CapturingEventBus();
    private final SecretKey key = randomKey();

    @Test
    void aNewDatabaseHasTheIndexes() throws DbException {
        DatabaseComponentImpl db = database(dir, bus);
        db.open(key, MigrationListener.NONE);
        assertThat(indexes(db)).containsAll(INDEXES);
        db.close();
    }

    @Test
    void aVersionOneDatabaseGetsThemOnOpening() throws DbException {
        DatabaseComponentImpl db = database(dir, bus);
        db.open(key, MigrationListener.NONE);
        // What schema 1 was: the same tables without the three indexes.
        db.transaction(false, txn -> {
            execute(txn.unbox(), INDEXES.stream().map(i -> "DROP INDEX " + i).toList());
            db.mergeSettings(txn, Settings.EMPTY.withInt(SchemaMigrator.SCHEMA_VERSION_KEY, 1),
                    SchemaMigrator.NAMESPACE);
        });
        assertThat(indexes(db)).doesNotContainAnyElementsOf(INDEXES);
        db.close();

        DatabaseComponentImpl reopened = database(dir, bus);
        reopened.open(key, MigrationListener.NONE);
        assertThat(indexes(reopened)).containsAll(INDEXES)
                .doesNotContain("STATUSESBYCONTACTIDACKTIMESTAMP", "STATUSESBYCONTACTIDSEENTIMESTAMP");
        reopened.close();
    }

    private static List<String> indexes(DatabaseComponentImpl db) throws DbException {
        return db.transactionWithResult(true, txn -> {
            List<String> names = new ArrayList<>();
            try (Statement s = ((Connection) txn.unbox()).createStatement();
                    ResultSet rs = s.executeQuery("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES"
                            + " WHERE TABLE_NAME = 'STATUSES'")) {
                while (rs.next()) names.add(rs.getString(1));
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
            return names;
        });
    }

    private static void execute(Object connection, List<String> statements) {
        try (Statement s = ((Connection) connection).createStatement()) {
            for (String sql : statements) s.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
