package org.thicket.bramble.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.util.UniqueId;

/** Queries every table needs, and cleanup helpers for paths where a second failure must not hide the first. */
final class Jdbc {

    private static final Logger LOG = LoggerFactory.getLogger(Jdbc.class);

    private Jdbc() {
    }

    /** Whether a row exists where the 32-byte ID column equals {@code id}; {@code what} names the row in errors. */
    static boolean exists(Connection c, String table, String idColumn, UniqueId id, String what) throws DbException {
        String sql = "SELECT 1 FROM " + table + " WHERE " + idColumn + " = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, id.getBytes());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new DbException("Could not look up " + what + " " + id, e);
        }
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
