package org.thicket.bramble.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.NoSuchGroupException;
import org.thicket.bramble.sync.api.ClientId;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.GroupId;

/** SQL for the syncGroups table. */
final class GroupTable {

    void add(Connection c, Group group) throws DbException {
        String sql = "INSERT INTO syncGroups (groupId, clientId, majorVersion, descriptor) VALUES (?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, group.getId().getBytes());
            ps.setString(2, group.getClientId().value());
            ps.setInt(3, group.getMajorVersion());
            ps.setBytes(4, group.getDescriptor());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new DbException("Could not store group " + group.getId(), e);
        }
    }

    boolean contains(Connection c, GroupId id) throws DbException {
        return Jdbc.exists(c, "syncGroups", "groupId", id, "group");
    }

    Group get(Connection c, GroupId id) throws DbException {
        String sql = "SELECT clientId, majorVersion, descriptor FROM syncGroups WHERE groupId = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, id.getBytes());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw noSuchGroup(id);
                return new Group(id, new ClientId(rs.getString(1)), rs.getInt(2), rs.getBytes(3));
            }
        } catch (SQLException e) {
            throw new DbException("Could not read group " + id, e);
        }
    }

    /** Removes the group; the foreign keys cascade to everything that belongs to it. */
    void remove(Connection c, GroupId id) throws DbException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM syncGroups WHERE groupId = ?")) {
            ps.setBytes(1, id.getBytes());
            if (ps.executeUpdate() == 0) throw noSuchGroup(id);
        } catch (SQLException e) {
            throw new DbException("Could not remove group " + id, e);
        }
    }

    private static NoSuchGroupException noSuchGroup(GroupId id) {
        return new NoSuchGroupException("No group " + id);
    }
}
