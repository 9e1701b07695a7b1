package org.thicket.bramble.db;

import static org.thicket.bramble.db.Catalog.hasColumn;
import static org.thicket.bramble.db.Catalog.tableExists;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.thicket.bramble.sync.api.MessageId;

/**
 * Schema 2 to 3: message metadata as one row per message ({@link MetadataEntries}) instead of one per key. Storing
 * a message's seven or so keys, and rewriting their copies of its state, were a large part of the database work per
 * synced message (docs/benchmarks.md). Copies the rows into a new table, drops the old one and renames the new.
 * Safe to run again after a crash at any step: H2 commits each DDL statement by itself.
 */
final class MetadataRowsMigration implements Migration {

    static final String CREATE_INDEX =
            "CREATE INDEX IF NOT EXISTS messageMetadataByGroupIdState ON messageMetadata (groupId, state)";

    private static final String NEW_TABLE = "MESSAGEMETADATAROWS";
    private static final String OLD_TABLE = "MESSAGEMETADATA";

    @Override
    public int startVersion() {
        return 2;
    }

    @Override
    public int endVersion() {
        return 3;
    }

    @Override
    public void migrate(Connection c) throws SQLException {
        // Where a previous run stopped: the old table is gone once its rows were copied and it was dropped.
        if (hasColumn(c, OLD_TABLE, "METAKEY")) {
            try (Statement s = c.createStatement()) {
                s.execute("""
                        CREATE TABLE IF NOT EXISTS messageMetadataRows (
                            messageId BINARY(32) NOT NULL,
                            groupId BINARY(32) NOT NULL,
                            state INT NOT NULL,
                            entries VARBINARY NOT NULL,
                            PRIMARY KEY (messageId),
                            FOREIGN KEY (messageId) REFERENCES messages (messageId) ON DELETE CASCADE,
                            FOREIGN KEY (groupId) REFERENCES syncGroups (groupId) ON DELETE CASCADE)""");
            }
            copyRows(c);
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE messageMetadata");
            }
        }
        if (tableExists(c, NEW_TABLE)) {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE messageMetadataRows RENAME TO messageMetadata");
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute(CREATE_INDEX);
        }
    }

    /** One row per message with all its keys; MERGE, so a second run after a crash writes the same rows again. */
    private static void copyRows(Connection c) throws SQLException {
        Map<MessageId, Row> rows = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT messageId, groupId, state, metaKey, metaValue"
                        + " FROM messageMetadata")) {
            while (rs.next()) {
                MessageId id = new MessageId(rs.getBytes(1));
                Row row = rows.get(id);
                if (row == null) {
                    row = new Row(id, rs.getBytes(2), rs.getInt(3), new HashMap<>());
                    rows.put(id, row);
                }
                row.entries().put(rs.getString(4), rs.getBytes(5));
            }
        }
        String merge = "MERGE INTO messageMetadataRows (messageId, groupId, state, entries) KEY (messageId)"
                + " VALUES (?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(merge)) {
            for (Row row : rows.values()) {
                ps.setBytes(1, row.messageId().getBytes());
                ps.setBytes(2, row.groupId());
                ps.setInt(3, row.state());
                ps.setBytes(4, MetadataEntries.encode(row.entries()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private record Row(MessageId messageId, byte[] groupId, int state, Map<String, byte[]> entries) {
    }
}
