package org.thicket.bramble.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Schema 1 to 2: indexes for the status queries every sync round runs per contact (acks owed, messages not seen,
 * messages requested). Without them each query reads every status of the contact, acked history included, so a
 * round's cost grew with the history (docs/benchmarks.md, "Status queries"). The flag comes before the timestamp:
 * the few rows with the flag in the wanted state are found directly, already oldest first. Safe to run again.
 */
final class SyncIndexesMigration implements Migration {

    static final String ACKS_OWED =
            "CREATE INDEX IF NOT EXISTS statusesByContactIdAckTimestamp ON statuses (contactId, ack, timestamp)";
    static final String NOT_SEEN =
            "CREATE INDEX IF NOT EXISTS statusesByContactIdSeenTimestamp ON statuses (contactId, seen, timestamp)";
    static final String REQUESTED = "CREATE INDEX IF NOT EXISTS statusesByContactIdRequestedTimestamp"
            + " ON statuses (contactId, requested, timestamp)";

    @Override
    public int startVersion() {
        return 1;
    }

    @Override
    public int endVersion() {
        return 2;
    }

    @Override
    public void migrate(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String sql : List.of(ACKS_OWED, NOT_SEEN, REQUESTED)) s.execute(sql);
        }
    }
}
