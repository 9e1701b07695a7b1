package org.thicket.bramble.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.sync.api.GroupId;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.sync.api.Metadata;
import org.thicket.bramble.util.UniqueId;

/**
 * SQL for the groupMetadata and messageMetadata tables. Merging writes each given key; a key given with an empty
 * value is removed instead. Message metadata repeats the message's group and state so clients can query by them.
 */
final class MetadataTable {

    Metadata getGroup(Connection c, GroupId id) throws DbException {
        return read(c, "SELECT metaKey, metaValue FROM groupMetadata WHERE groupId = ?", id);
    }

    void mergeGroup(Connection c, GroupId id, Metadata update) throws DbException {
        merge(c, update, id, "DELETE FROM groupMetadata WHERE groupId = ? AND metaKey = ?",
                "INSERT INTO groupMetadata (metaKey, metaValue, groupId) VALUES (?, ?, ?)");
    }

    Metadata getMessage(Connection c, MessageId id) throws DbException {
        return read(c, "SELECT metaKey, metaValue FROM messageMetadata WHERE messageId = ?", id);
    }

    void mergeMessage(Connection c, MessageId id, Metadata update) throws DbException {
        merge(c, update, id, "DELETE FROM messageMetadata WHERE messageId = ? AND metaKey = ?",
                "INSERT INTO messageMetadata (messageId, groupId, state, metaKey, metaValue)"
                        + " SELECT messageId, groupId, state, ?, ? FROM messages WHERE messageId = ?");
    }

    /** The metadata of the group's delivered messages; messages without metadata are absent. */
    Map<MessageId, Metadata> getDelivered(Connection c, GroupId id) throws DbException {
        String sql = "SELECT messageId, metaKey, metaValue FROM messageMetadata WHERE groupId = ? AND state = "
                + MessageState.DELIVERED.getCode();
        Map<MessageId, Map<String, byte[]>> entries = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, id.getBytes());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.computeIfAbsent(new MessageId(rs.getBytes(1)), k -> new HashMap<>())
                            .put(rs.getString(2), rs.getBytes(3));
                }
            }
        } catch (SQLException e) {
            throw new DbException("Could not read the message metadata of group " + id, e);
        }
        Map<MessageId, Metadata> metadata = new HashMap<>();
        entries.forEach((messageId, map) -> metadata.put(messageId, new Metadata(map)));
        return metadata;
    }

    private static Metadata read(Connection c, String sql, UniqueId id) throws DbException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, id.getBytes());
            Map<String, byte[]> entries = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) entries.put(rs.getString(1), rs.getBytes(2));
            }
            return new Metadata(entries);
        } catch (SQLException e) {
            throw new DbException("Could not read the metadata of " + id, e);
        }
    }

    /** Deletes each key, then inserts those with a value; the insert's parameters are key, value and ID. */
    private static void merge(Connection c, Metadata update, UniqueId id, String delete, String insert)
            throws DbException {
        try (PreparedStatement del = c.prepareStatement(delete); PreparedStatement ins = c.prepareStatement(insert)) {
            for (Map.Entry<String, byte[]> e : update.toMap().entrySet()) {
                del.setBytes(1, id.getBytes());
                del.setString(2, e.getKey());
                del.executeUpdate();
                if (e.getValue().length == 0) continue;
                ins.setString(1, e.getKey());
                ins.setBytes(2, e.getValue());
                ins.setBytes(3, id.getBytes());
                ins.executeUpdate();
            }
        } catch (SQLException e) {
            throw new DbException("Could not store the metadata of " + id, e);
        }
    }
}
