package org.thicket.bramble.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.settings.api.Settings;

/** SQL for the settings table: string maps per namespace. */
final class SettingsTable {

    Settings get(Connection c, String namespace) throws DbException {
        String sql = "SELECT settingKey, settingValue FROM settings WHERE namespace = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, namespace);
            Map<String, String> values = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) values.put(rs.getString(1), rs.getString(2));
            }
            return new Settings(values);
        } catch (SQLException e) {
            throw new DbException("Could not read the settings of namespace " + namespace, e);
        }
    }

    /** Inserts or overwrites every entry of {@code settings}; other keys of the namespace stay. */
    void put(Connection c, String namespace, Settings settings) throws DbException {
        String sql = "MERGE INTO settings (namespace, settingKey, settingValue) KEY (namespace, settingKey)"
                + " VALUES (?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map.Entry<String, String> e : settings.values().entrySet()) {
                ps.setString(1, namespace);
                ps.setString(2, e.getKey());
                ps.setString(3, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new DbException("Could not store the settings of namespace " + namespace, e);
        }
    }
}
