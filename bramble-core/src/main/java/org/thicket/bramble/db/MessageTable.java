package org.thicket.bramble.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.h2.api.ErrorCode;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.NoSuchGroupException;
import org.thicket.bramble.db.api.NoSuchMessageException;
import org.thicket.bramble.sync.api.GroupId;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.util.Bytes;
import org.thicket.bramble.util.UniqueId;

/** SQL for the messages table and the copies of message fields that other tables keep. */
final class MessageTable {

    /**
     * The number of the message with the ID bound to this parameter: statuses and metadata are keyed by it
     * (SequentialKeysMigration).
     */
    static final String NUMBER_OF_ID = "(SELECT messageNo FROM messages WHERE messageId = ?)";

    // The tables that repeat a message's state, with the column that identifies the message in each. A status
    // keeps the copy only while the queries that read it can select the row (StatusTable.SENDABLE): the contact
    // has not seen the message, or asked for it. A received message's status for its sender is seen from the
    // start, so validation's state change does not rewrite that row (a write of the widest table per message).
    private static final String[] STATE_COPY_UPDATES = {
            "UPDATE messageMetadata SET state = ? WHERE messageNo = " + NUMBER_OF_ID,
            "UPDATE statuses SET state = ? WHERE messageNo = " + NUMBER_OF_ID
                    + " AND (seen = FALSE OR requested = TRUE)",
            "UPDATE messageDependencies SET messageState = ? WHERE messageId = ?",
            "UPDATE messageDependencies SET dependencyState = ? WHERE dependencyId = ?"};

    /** What {@link #add} returns for a message that is stored already. */
    static final long ALREADY_STORED = -1;

    /**
     * Stores the message; returns the number it was given, or {@link #ALREADY_STORED}. The keys answer both
     * questions a look-up first would ask, one statement per message less: a duplicate ID breaks the primary key,
     * a missing group the foreign key. H2 undoes only the failed statement.
     * @throws NoSuchGroupException if its group is not stored
     */
    long add(Connection c, Message m, MessageState state, boolean shared, boolean temporary) throws DbException {
        String sql = "INSERT INTO messages (messageId, groupId, timestamp, state, shared, temporary, length, raw)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"MESSAGENO"})) {
            ps.setBytes(1, m.getId().getBytes());
            ps.setBytes(2, m.getGroupId().getBytes());
            ps.setLong(3, m.getTimestamp());
            ps.setInt(4, state.getCode());
            ps.setBoolean(5, shared);
            ps.setBoolean(6, temporary);
            ps.setInt(7, m.getLength());
            ps.setBytes(8, m.getRaw());
            ps.executeUpdate();
            long messageNo;
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                messageNo = keys.getLong(1);
            }
            // Messages that arrived earlier may depend on this one.
            updateState(c, "UPDATE messageDependencies SET dependencyState = ? WHERE dependencyId = ?", m.getId(),
                    state);
            return messageNo;
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DUPLICATE_KEY_1) return ALREADY_STORED;
            if (e.getErrorCode() == ErrorCode.REFERENTIAL_INTEGRITY_VIOLATED_PARENT_MISSING_1) {
                throw new NoSuchGroupException("No group " + m.getGroupId() + " for message " + m.getId());
            }
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
                        "UPDATE statuses SET deleted = TRUE WHERE messageNo = " + NUMBER_OF_ID)) {
            raw.setBytes(1, id.getBytes());
            if (raw.executeUpdate() == 0) throw noSuchMessage(id);
            statuses.setBytes(1, id.getBytes());
            statuses.executeUpdate();
        } catch (SQLException e) {
            throw new DbException("Could not delete message " + id, e);
        }
    }

    /** Marks the message shared, in its statuses too. @throws NoSuchMessageException if it is not stored */
    void setShared(Connection c, MessageId id) throws DbException {
        try (PreparedStatement message = c.prepareStatement("UPDATE messages SET shared = TRUE WHERE messageId = ?");
                PreparedStatement statuses = c.prepareStatement(
                        "UPDATE statuses SET messageShared = TRUE WHERE messageNo = " + NUMBER_OF_ID)) {
            message.setBytes(1, id.getBytes());
            if (message.executeUpdate() == 0) throw noSuchMessage(id);
            statuses.setBytes(1, id.getBytes());
            statuses.executeUpdate();
        } catch (SQLException e) {
            throw new DbException("Could not share message " + id, e);
        }
    }

    boolean isShared(Connection c, MessageId id) throws DbException {
        try (PreparedStatement ps = c.prepareStatement("SELECT shared FROM messages WHERE messageId = ?")) {
            ps.setBytes(1, id.getBytes());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw noSuchMessage(id);
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new DbException("Could not read whether message " + id + " is shared", e);
        }
    }

    /** A stored message whose content is not deleted, rebuilt from its raw form under its stored ID. */
    Message get(Connection c, MessageId id) throws DbException {
        byte[] raw = getRaw(c, id);
        if (raw == null) throw new IllegalStateException("Message " + id + " has no content");
        GroupId groupId = new GroupId(Arrays.copyOf(raw, UniqueId.LENGTH));
        long timestamp = Bytes.readInt64(raw, UniqueId.LENGTH);
        return new Message(id, groupId, timestamp, Arrays.copyOfRange(raw, Message.HEADER_LENGTH, raw.length));
    }

    /** The IDs of the group's messages in this state. */
    List<MessageId> getIds(Connection c, GroupId groupId, MessageState state) throws DbException {
        String sql = "SELECT messageId FROM messages WHERE groupId = ? AND state = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, groupId.getBytes());
            ps.setInt(2, state.getCode());
            List<MessageId> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.add(new MessageId(rs.getBytes(1)));
            }
            return ids;
        } catch (SQLException e) {
            throw new DbException("Could not read the messages of group " + groupId, e);
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
