package org.thicket.bramble.db.api;

/** Told when opening the database needs slow work, so a UI can say why start-up takes a while. */
public interface MigrationListener {

    MigrationListener NONE = new MigrationListener() {
        @Override
        public void onDatabaseMigration() {
        }

        @Override
        public void onDatabaseCompaction() {
        }
    };

    void onDatabaseMigration();

    void onDatabaseCompaction();
}
