package org.thicket.bramble.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.sync.api.GroupId;
import org.thicket.bramble.sync.api.Visibility;

/** SQL for the groupVisibilities table: no row means INVISIBLE, shared FALSE VISIBLE, shared TRUE SHARED. */
final class VisibilityTable {

    Visibility get(Connection c, ContactId contactId, GroupId groupId) throws DbException {
        String sql = "SELECT shared FROM groupVisibilities WHERE contactId = ? AND groupId = ?";
        try (PreparedStatement ps = prepare(c, sql, contactId, groupId); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) return Visibility.INVISIBLE;
            return rs.getBoolean(1) ? Visibility.SHARED : Visibility.VISIBLE;
        } catch (SQLException e) {
            throw new DbException("Could not read the visibility of group " + groupId + " to " + contactId, e);
        }
    }

    /** Stores a visibility other than INVISIBLE, inserting or replacing the row. */
    void put(Connection c, ContactId contactId, GroupId groupId, boolean shared) throws DbException {
        String sql = "MERGE INTO groupVisibilities (contactId, groupId, shared) KEY (contactId, groupId)"
                + " VALUES (?, ?, ?)";
        try (PreparedStatement ps = prepare(c, sql, contactId, groupId)) {
            ps.setBoolean(3, shared);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new DbException("Could not make group " + groupId + " visible to " + contactId, e);
        }
    }

    void remove(Connection c, ContactId contactId, GroupId groupId) throws DbException {
        String sql = "DELETE FROM groupVisibilities WHERE contactId = ? AND groupId = ?";
        try (PreparedStatement ps = prepare(c, sql, contactId, groupId)) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new DbException("Could not make group " + groupId + " invisible to " + contactId, e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, ContactId contactId, GroupId groupId)
            throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setInt(1, contactId.value());
        ps.setBytes(2, groupId.getBytes());
        return ps;
    }
}
