package org.thicket.bramble.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.db.api.DataTooNewException;
import org.thicket.bramble.db.api.DataTooOldException;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.MigrationListener;
import org.thicket.bramble.settings.api.Settings;

/** Keeps the schema version (settings namespace "db", key "schemaVersion") and upgrades old databases. */
final class SchemaMigrator {

    static final String NAMESPACE = "db";
    static final String SCHEMA_VERSION_KEY = "schemaVersion";

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private final SettingsTable settings;
    private final List<Migration> migrations;

    SchemaMigrator(SettingsTable settings, List<Migration> migrations) {
        for (Migration m : migrations) {
            if (m.startVersion() >= m.endVersion() || m.endVersion() > Schema.CODE_SCHEMA_VERSION) {
                throw new IllegalArgumentException("Bad migration " + m.startVersion() + " -> " + m.endVersion());
            }
        }
        this.settings = settings;
        this.migrations = List.copyOf(migrations);
    }

    /** Records that a freshly created database has the code's schema. */
    void storeCodeVersion(Connection c) throws DbException {
        storeVersion(c, Schema.CODE_SCHEMA_VERSION);
    }

    /**
     * Brings the stored schema to the code's version, applying the migrations in order in one transaction.
     *
     * @throws DataTooNewException if a newer app wrote the database
     * @throws DataTooOldException if no chain of migrations leads from the stored version to the code's
     */
    void migrate(Connection c, MigrationListener listener) throws DbException {
        int stored = storedVersion(c);
        if (stored == Schema.CODE_SCHEMA_VERSION) return;
        if (stored > Schema.CODE_SCHEMA_VERSION) {
            throw new DataTooNewException("The database has schema version " + stored + ", newer than this app's "
                    + Schema.CODE_SCHEMA_VERSION + "; it was written by a newer version of the app");
        }
        List<Migration> path = pathFrom(stored);
        listener.onDatabaseMigration();
        try {
            for (Migration m : path) {
                LOG.info("Migrating the database schema from version {} to {}", m.startVersion(), m.endVersion());
                m.migrate(c);
                storeVersion(c, m.endVersion());
            }
            c.commit();
        } catch (SQLException e) {
            Jdbc.rollback(c);
            throw new DbException("Could not migrate the database schema from version " + stored, e);
        } catch (DbException | RuntimeException e) {
            Jdbc.rollback(c);
            throw e;
        }
    }

    private int storedVersion(Connection c) throws DbException {
        if (!hasSettingsTable(c)) throw unfinishedCreation();
        Settings db = settings.get(c, NAMESPACE);
        if (!db.containsKey(SCHEMA_VERSION_KEY)) throw unfinishedCreation();
        return db.getInt(SCHEMA_VERSION_KEY, 0);
    }

    /** Creation writes the version last, so a database without one was never completely created. */
    private static DbException unfinishedCreation() {
        return new DbException("The database has no schema version: its creation did not finish");
    }

    private static boolean hasSettingsTable(Connection c) throws DbException {
        try (ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "SETTINGS", null)) {
            return rs.next();
        } catch (SQLException e) {
            throw new DbException("Could not list the database's tables", e);
        }
    }

    private List<Migration> pathFrom(int stored) throws DataTooOldException {
        List<Migration> path = new ArrayList<>();
        for (int version = stored; version < Schema.CODE_SCHEMA_VERSION; ) {
            Migration next = startingAt(version);
            if (next == null) {
                throw new DataTooOldException("The database has schema version " + stored
                        + ", too old for this version of the app to upgrade");
            }
            path.add(next);
            version = next.endVersion();
        }
        return path;
    }

    private Migration startingAt(int version) {
        for (Migration m : migrations) {
            if (m.startVersion() == version) return m;
        }
        return null;
    }

    private void storeVersion(Connection c, int version) throws DbException {
        settings.put(c, NAMESPACE, Settings.EMPTY.withInt(SCHEMA_VERSION_KEY, version));
    }
}
