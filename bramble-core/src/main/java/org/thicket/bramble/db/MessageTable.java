package org.thicket.bramble.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.NoSuchMessageException;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageState;

/** SQL for the messages table and the copies of message fields that other tables keep. */
final class MessageTable {

    // The tables that repeat a message's state, with the column that identifies the message in each.
    private static final String[] STATE_COPY_UPDATES = {
            "UPDATE messageMetadata SET state = ? WHERE messageId = ?",
            "UPDATE statuses SET state = ? WHERE messageId = ?",
            "UPDATE messageDependencies SET messageState = ? WHERE messageId = ?",
            "UPDATE messageDependencies SET dependencyState = ? WHERE dependencyId = ?"};

    void add(Connection c, Message m, MessageState state, boolean shared, boolean temporary) throws DbException {
        String sql = "INSERT INTO messages (messageId, groupId, timestamp, state, shared, temporary, length, raw)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, m.getId().getBytes());
            ps.setBytes(2, m.getGroupId().getBytes());
            ps.setLong(3, m.getTimestamp());
            ps.setInt(4, state.getCode());
            ps.setBoolean(5, shared);
            ps.setBoolean(6, temporary);
            ps.setInt(7, m.getLength());
            ps.setBytes(8, m.getRaw());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new DbException("Could not store message " + m.getId(), e);
        }
    }

    boolean contains(Connection c, MessageId id) throws DbException {
        return Jdbc.exists(c, "messages", "messageId", id, "message");
    }

    /** The raw message, or null if its content was deleted. */
    byte[] getRaw(Connection c, MessageId id) throws DbException {
        try (PreparedStatement ps = c.prepareStatement("SELECT raw FROM messages WHERE messageId = ?")) {
            ps.setBytes(1, id.getBytes());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw noSuchMessage(id);
                return rs.getBytes(1);
            }
        } catch (SQLException e) {
            throw new DbException("Could not read message " + id, e);
        }
    }

    MessageState getState(Connection c, MessageId id) throws DbException {
        try (PreparedStatement ps = c.prepareStatement("SELECT state FROM messages WHERE messageId = ?")) {
            ps.setBytes(1, id.getBytes());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw noSuchMessage(id);
                return MessageState.fromCode(rs.getInt(1));
            }
        } catch (SQLException e) {
            throw new DbException("Could not read the state of message " + id, e);
        }
    }

    void setState(Connection c, MessageId id, MessageState state) throws DbException {
        try {
            if (updateState(c, "UPDATE messages SET state = ? WHERE messageId = ?", id, state) == 0) {
                throw noSuchMessage(id);
            }
            for (String sql : STATE_COPY_UPDATES) updateState(c, sql, id, state);
        } catch (SQLException e) {
            throw new DbException("Could not set the state of message " + id, e);
        }
    }

    /** Drops the content and marks the message's statuses deleted, so it is no longer offered or sent. */
    void deleteContent(Connection c, MessageId id) throws DbException {
        try (PreparedStatement raw = c.prepareStatement("UPDATE messages SET raw = NULL WHERE messageId = ?");
                PreparedStatement statuses = c.prepareStatement(
                        "UPDATE statuses SET deleted = TRUE WHERE messageId = ?")) {
            raw.setBytes(1, id.getBytes());
            if (raw.executeUpdate() == 0) throw noSuchMessage(id);
            statuses.setBytes(1, id.getBytes());
            statuses.executeUpdate();
        } catch (SQLException e) {
            throw new DbException("Could not delete message " + id, e);
        }
    }

    private static int updateState(Connection c, String sql, MessageId id, MessageState state) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, state.getCode());
            ps.setBytes(2, id.getBytes());
            return ps.executeUpdate();
        }
    }

    private static NoSuchMessageException noSuchMessage(MessageId id) {
        return new NoSuchMessageException("No message " + id);
    }
}
