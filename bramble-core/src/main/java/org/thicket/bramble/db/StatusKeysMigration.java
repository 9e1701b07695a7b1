package org.thicket.bramble.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Schema 5 to 6: statuses without foreign keys. The keys on {@code contactId} and {@code groupId} only cascaded
 * deletions, and each came with an index H2 writes for every status: with them, the statuses table and its indexes
 * were a third of the bytes a synced message wrote to the file (docs/benchmarks.md, "Fifth session"). Whoever
 * removes a contact, a group or an identity now deletes the statuses first ({@link StatusTable}). Dropping a
 * foreign key drops its index; safe to run again.
 */
final class StatusKeysMigration implements Migration {

    @Override
    public int startVersion() {
        return 5;
    }

    @Override
    public int endVersion() {
        return 6;
    }

    @Override
    public void migrate(Connection c) throws SQLException {
        Catalog.dropForeignKey(c, "statuses", "contactId");
        Catalog.dropForeignKey(c, "statuses", "groupId");
    }
}
