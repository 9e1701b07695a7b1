package org.thicket.bramble.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.plugin.api.TransportId;

/** SQL for the transports table. */
final class TransportTable {

    /** Stores the transport, or updates the latency of a stored one. */
    void put(Connection c, TransportId t, long maxLatencyMs) throws DbException {
        String sql = "MERGE INTO transports (transportId, maxLatency) KEY (transportId) VALUES (?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, t.value());
            ps.setLong(2, maxLatencyMs);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new DbException("Could not store transport " + t.value(), e);
        }
    }

    Map<TransportId, Long> getAll(Connection c) throws DbException {
        try (PreparedStatement ps = c.prepareStatement("SELECT transportId, maxLatency FROM transports"
                + " ORDER BY transportId");
                ResultSet rs = ps.executeQuery()) {
            Map<TransportId, Long> transports = new LinkedHashMap<>();
            while (rs.next()) transports.put(new TransportId(rs.getString(1)), rs.getLong(2));
            return transports;
        } catch (SQLException e) {
            throw new DbException("Could not read the transports", e);
        }
    }
}
