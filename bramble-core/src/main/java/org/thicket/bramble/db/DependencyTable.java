package org.thicket.bramble.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageState;

/**
 * SQL for the messageDependencies table. A message may only depend on messages of its own group: a dependency
 * found in another group counts as INVALID, so the dependent can never be delivered.
 */
final class DependencyTable {

    /** Adds the dependencies of a stored message that are not recorded yet. */
    void add(Connection c, MessageId dependent, Collection<MessageId> dependencies) throws DbException {
        String sql = "INSERT INTO messageDependencies (groupId, messageId, dependencyId, messageState, dependencyState)"
                + " SELECT m.groupId, m.messageId, ?, m.state,"
                + " COALESCE((SELECT d.state FROM messages d WHERE d.messageId = ?), "
                + MessageState.UNKNOWN.getCode() + ") FROM messages m WHERE m.messageId = ? AND NOT EXISTS"
                + " (SELECT 1 FROM messageDependencies x WHERE x.messageId = m.messageId AND x.dependencyId = ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (MessageId dependency : dependencies) {
                ps.setBytes(1, dependency.getBytes());
                ps.setBytes(2, dependency.getBytes());
                ps.setBytes(3, dependent.getBytes());
                ps.setBytes(4, dependency.getBytes());
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new DbException("Could not store the dependencies of message " + dependent, e);
        }
    }

    /** Each dependency with its state: UNKNOWN if not stored, INVALID if stored in another group. */
    Map<MessageId, MessageState> getDependencies(Connection c, MessageId dependent) throws DbException {
        String sql = "SELECT x.dependencyId, x.groupId, d.groupId, d.state FROM messageDependencies x"
                + " LEFT JOIN messages d ON d.messageId = x.dependencyId WHERE x.messageId = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, dependent.getBytes());
            Map<MessageId, MessageState> states = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) states.put(new MessageId(rs.getBytes(1)), dependencyState(rs));
            }
            return states;
        } catch (SQLException e) {
            throw new DbException("Could not read the dependencies of message " + dependent, e);
        }
    }

    private static MessageState dependencyState(ResultSet rs) throws SQLException {
        byte[] dependencyGroup = rs.getBytes(3);
        if (dependencyGroup == null) return MessageState.UNKNOWN;
        if (!Arrays.equals(dependencyGroup, rs.getBytes(2))) return MessageState.INVALID;
        return MessageState.fromCode(rs.getInt(4));
    }

    /** The messages of the same group that depend on this one, with their states. */
    Map<MessageId, MessageState> getDependents(Connection c, MessageId dependency) throws DbException {
        String sql = "SELECT x.messageId, x.messageState FROM messageDependencies x JOIN messages d"
                + " ON d.messageId = x.dependencyId AND d.groupId = x.groupId WHERE x.dependencyId = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, dependency.getBytes());
            Map<MessageId, MessageState> states = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) states.put(new MessageId(rs.getBytes(1)), MessageState.fromCode(rs.getInt(2)));
            }
            return states;
        } catch (SQLException e) {
            throw new DbException("Could not read the dependents of message " + dependency, e);
        }
    }
}
