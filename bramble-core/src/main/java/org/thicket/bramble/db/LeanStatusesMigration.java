package org.thicket.bramble.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Schema 3 to 4: fewer indexes on the tables every synced message writes. H2 gives each foreign key an index of its
 * own with exactly the key's columns, even where the primary key starts with them, so a status row was written
 * into eleven trees and its message's metadata row into four (docs/benchmarks.md, "Third session"). Drops:
 * <ul>
 * <li>the foreign key of {@code statuses} on {@code messageId}: a status is only created with its message, and
 * message rows are only deleted with their group, which the status's {@code groupId} key cascades to;</li>
 * <li>the {@code groupId} foreign keys of {@code messageMetadata} and {@code messageDependencies}: both cascade from
 * their message already;</li>
 * <li>three status indexes no query needs: (contactId, groupId), whose queries the {@code groupId} key's index
 * serves, and (contactId, timestamp) and (contactId, txCount, timestamp), which the flag indexes of schema 2
 * replaced.</li>
 * </ul>
 * Dropping a foreign key drops the index H2 made for it. Safe to run again: each step checks what is left.
 */
final class LeanStatusesMigration implements Migration {

    private static final List<String[]> FOREIGN_KEYS_TO_DROP = List.of(
            new String[] {"STATUSES", "MESSAGEID"},
            new String[] {"MESSAGEMETADATA", "GROUPID"},
            new String[] {"MESSAGEDEPENDENCIES", "GROUPID"});
    private static final List<String> INDEXES_TO_DROP = List.of(
            "statusesByContactIdGroupId",
            "statusesByContactIdTimestamp",
            "statusesByContactIdTxCountTimestamp");

    @Override
    public int startVersion() {
        return 3;
    }

    @Override
    public int endVersion() {
        return 4;
    }

    @Override
    public void migrate(Connection c) throws SQLException {
        for (String[] key : FOREIGN_KEYS_TO_DROP) Catalog.dropForeignKey(c, key[0], key[1]);
        try (Statement s = c.createStatement()) {
            for (String index : INDEXES_TO_DROP) s.execute("DROP INDEX IF EXISTS " + index);
        }
    }
}
