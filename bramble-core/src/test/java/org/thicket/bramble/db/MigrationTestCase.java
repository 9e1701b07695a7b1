package org.thicket.bramble.db;

import static org.thicket.bramble.db.TestData.database;
import static org.thicket.bramble.db.TestData.group;
import static org.thicket.bramble.db.TestData.randomKey;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.MigrationListener;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.test.CapturingEventBus;

/** What every migration test starts from: a database directory of its own, its key, and a group for messages. */
abstract class MigrationTestCase {

    @TempDir
    Path dir;

    final CapturingEventBus bus = new CapturingEventBus();
    final SecretKey key = randomKey();
    final Group group = group(1);

    /** The database in {@link #dir} opened with {@link #key}: created, or migrated to this code's schema. */
    DatabaseComponentImpl open() throws DbException {
        DatabaseComponentImpl db = database(dir, bus);
        db.open(key, MigrationListener.NONE);
        return db;
    }

    /** Opens the database, runs the check on it, and closes it whatever the check found. */
    void openAndCheck(DatabaseCheck check) throws DbException {
        DatabaseComponentImpl db = open();
        try {
            check.run(db);
        } finally {
            db.close();
        }
    }

    /** Assertions on an open database. */
    @FunctionalInterface
    interface DatabaseCheck {
        void run(DatabaseComponentImpl db) throws DbException;
    }
}
