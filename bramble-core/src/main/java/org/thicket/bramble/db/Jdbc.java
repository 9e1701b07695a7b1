package org.thicket.bramble.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Cleanup helpers for paths where a second failure must not hide the first. */
final class Jdbc {

    private static final Logger LOG = LoggerFactory.getLogger(Jdbc.class);

    private Jdbc() {
    }

    static void closeAll(Collection<Connection> connections) {
        for (Connection c : connections) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.warn("Could not close a database connection", e);
            }
        }
    }

    static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.warn("Could not roll back a database transaction", e);
        }
    }
}
