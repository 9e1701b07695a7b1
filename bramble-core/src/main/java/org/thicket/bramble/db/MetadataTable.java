package org.thicket.bramble.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.NoSuchMessageException;
import org.thicket.bramble.sync.api.GroupId;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.sync.api.Metadata;
import org.thicket.bramble.util.UniqueId;

/**
 * SQL for the groupMetadata and messageMetadata tables. Merging writes each given key; a key given with an empty
 * value is removed instead. Group metadata is a row per key; message metadata is one row per message
 * ({@link MetadataEntries}), which repeats the message's group and state so clients can query by them: a message's
 * metadata is written when it is stored and when its state changes, and one row costs a fraction of seven.
 */
final class MetadataTable {

    Metadata getGroup(Connection c, GroupId id) throws DbException {
        return read(c, "SELECT metaKey, metaValue FROM groupMetadata WHERE groupId = ?", id);
    }

    void mergeGroup(Connection c, GroupId id, Metadata update) throws DbException {
        try {
            Map<String, byte[]> stored =
                    readEntries(c, "SELECT metaKey, metaValue FROM groupMetadata WHERE groupId = ?", id);
            write(c, id, Writes.of(stored, update),
                    "INSERT INTO groupMetadata (groupId, metaKey, metaValue) VALUES (?, ?, ?)",
                    "UPDATE groupMetadata SET metaValue = ? WHERE groupId = ? AND metaKey = ?",
                    "DELETE FROM groupMetadata WHERE groupId = ? AND metaKey = ?", new Object[0]);
        } catch (SQLException e) {
            throw new DbException("Could not store the metadata of " + id, e);
        }
    }

    /**
     * The message's metadata, empty if it has none; one query for both questions.
     *
     * @throws NoSuchMessageException if the message is not stored
     */
    Metadata getMessage(Connection c, MessageId id) throws DbException {
        String sql = "SELECT d.entries FROM messages m LEFT JOIN messageMetadata d ON d.messageNo = m.messageNo"
                + " WHERE m.messageId = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, id.getBytes());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new NoSuchMessageException("No message " + id);
                byte[] entries = rs.getBytes(1);
                return new Metadata(entries == null ? Map.of() : MetadataEntries.decode(entries));
            }
        } catch (SQLException e) {
            throw new DbException("Could not read the metadata of " + id, e);
        }
    }

    /**
     * Reads the message's group and state with its stored metadata in one query, then writes its one row if anything
     * changes.
     *
     * @throws NoSuchMessageException if the message is not stored
     */
    void mergeMessage(Connection c, MessageId id, Metadata update) throws DbException {
        try {
            StoredRow row = readRow(c, id);
            if (row == null) throw new NoSuchMessageException("No message " + id);
            merge(c, row, update);
        } catch (SQLException e) {
            throw new DbException("Could not store the metadata of " + id, e);
        }
    }

    /**
     * Merges as {@link #mergeMessage} if the message is stored in the group and its metadata includes every entry of
     * {@code required}; the one query that a merge reads with answers both questions. Returns whether it merged.
     */
    boolean mergeMessageIf(Connection c, GroupId groupId, MessageId id, Metadata required, Metadata update)
            throws DbException {
        try {
            StoredRow row = readRow(c, id);
            if (row == null || !Arrays.equals(row.groupId(), groupId.getBytes())) return false;
            Map<String, byte[]> entries = row.decodedEntries();
            if (!new Metadata(entries).includes(required)) return false;
            merge(c, row, update);
            return true;
        } catch (SQLException e) {
            throw new DbException("Could not store the metadata of " + id, e);
        }
    }

    /**
     * The first metadata of a message just stored under this number: a row written at once, without the query a
     * merge starts with. Keys given with an empty value are left out, as a merge would remove them.
     */
    void addMessage(Connection c, long messageNo, Message m, MessageState state, Metadata metadata)
            throws DbException {
        Map<String, byte[]> entries = Writes.of(Map.of(), metadata).inserts();
        if (entries.isEmpty()) return;
        try {
            writeRow(c, new StoredRow(messageNo, m.getId(), m.getGroupId().getBytes(), state.getCode(), null),
                    entries);
        } catch (SQLException e) {
            throw new DbException("Could not store the metadata of " + m.getId(), e);
        }
    }

    /** The message's number, group, state and stored entries, or null if it is not stored. */
    private static StoredRow readRow(Connection c, MessageId id) throws SQLException {
        String sql = "SELECT m.messageNo, m.groupId, m.state, d.entries FROM messages m"
                + " LEFT JOIN messageMetadata d ON d.messageNo = m.messageNo WHERE m.messageId = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, id.getBytes());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return null;
                return new StoredRow(rs.getLong(1), id, rs.getBytes(2), rs.getInt(3), rs.getBytes(4));
            }
        }
    }

    private static void merge(Connection c, StoredRow row, Metadata update) throws SQLException, DbException {
        Map<String, byte[]> entries = row.decodedEntries();
        Writes writes = Writes.of(entries, update);
        if (writes.isEmpty()) return;
        entries.putAll(writes.inserts());
        entries.putAll(writes.updates());
        writes.deletes().forEach(entries::remove);
        writeRow(c, row, entries);
    }

    /** A message as the merge found it: its number, ID, group and state, and its stored entries or null. */
    private record StoredRow(long messageNo, MessageId messageId, byte[] groupId, int state, byte[] entries) {

        /** The stored entries, as a map the caller may change; empty for no row. */
        Map<String, byte[]> decodedEntries() throws DbException {
            return entries == null ? new HashMap<>() : MetadataEntries.decode(entries);
        }
    }

    /** Inserts, replaces or (for no entries) deletes the message's row. */
    private static void writeRow(Connection c, StoredRow row, Map<String, byte[]> entries) throws SQLException {
        if (entries.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM messageMetadata WHERE messageNo = ?")) {
                ps.setLong(1, row.messageNo());
                ps.executeUpdate();
            }
            return;
        }
        boolean exists = row.entries() != null;
        String sql = exists ? "UPDATE messageMetadata SET entries = ? WHERE messageNo = ?"
                : "INSERT INTO messageMetadata (entries, messageNo, messageId, groupId, state) VALUES (?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, MetadataEntries.encode(entries));
            ps.setLong(2, row.messageNo());
            if (!exists) {
                ps.setBytes(3, row.messageId().getBytes());
                ps.setBytes(4, row.groupId());
                ps.setInt(5, row.state());
            }
            ps.executeUpdate();
        }
    }

    /** What a merge changes: keys to insert or update with their new values, and keys to delete. */
    private record Writes(Map<String, byte[]> inserts, Map<String, byte[]> updates, List<String> deletes) {

        /** An empty value removes its key; a value equal to the stored one writes nothing. */
        static Writes of(Map<String, byte[]> stored, Metadata update) {
            Map<String, byte[]> inserts = new HashMap<>();
            Map<String, byte[]> updates = new HashMap<>();
            List<String> deletes = new ArrayList<>();
            for (Map.Entry<String, byte[]> e : update.toMap().entrySet()) {
                byte[] old = stored.get(e.getKey());
                byte[] value = e.getValue();
                if (value.length == 0) {
                    if (old != null) deletes.add(e.getKey());
                } else if (old == null) {
                    inserts.put(e.getKey(), value);
                } else if (!Arrays.equals(old, value)) {
                    updates.put(e.getKey(), value);
                }
            }
            return new Writes(inserts, updates, deletes);
        }

        boolean isEmpty() {
            return inserts.isEmpty() && updates.isEmpty() && deletes.isEmpty();
        }
    }

    /**
     * Runs the writes in batches. The insert's parameters are ID, key, value, then {@code insertExtras}; the update's
     * value, ID, key; the delete's ID, key.
     */
    private static void write(Connection c, UniqueId id, Writes writes, String insert, String update, String delete,
            Object[] insertExtras) throws SQLException {
        batch(c, insert, writes.inserts().entrySet(), (ps, e) -> {
            ps.setBytes(1, id.getBytes());
            ps.setString(2, e.getKey());
            ps.setBytes(3, e.getValue());
            for (int i = 0; i < insertExtras.length; i++) ps.setObject(4 + i, insertExtras[i]);
        });
        batch(c, update, writes.updates().entrySet(), (ps, e) -> {
            ps.setBytes(1, e.getValue());
            ps.setBytes(2, id.getBytes());
            ps.setString(3, e.getKey());
        });
        batch(c, delete, writes.deletes(), (ps, key) -> {
            ps.setBytes(1, id.getBytes());
            ps.setString(2, key);
        });
    }

    /** Sets one item's parameters. */
    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement ps, T item) throws SQLException;
    }

    /** One statement, executed as a batch over the items; nothing at all for none. */
    private static <T> void batch(Connection c, String sql, Collection<T> items, Binder<T> binder)
            throws SQLException {
        if (items.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (T item : items) {
                binder.bind(ps, item);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The metadata of the group's delivered messages; messages without metadata are absent. */
    Map<MessageId, Metadata> getDelivered(Connection c, GroupId id) throws DbException {
        String sql = "SELECT messageId, entries FROM messageMetadata WHERE groupId = ? AND state = "
                + MessageState.DELIVERED.getCode();
        Map<MessageId, Map<String, byte[]>> entries = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, id.getBytes());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) entries.put(new MessageId(rs.getBytes(1)), MetadataEntries.decode(rs.getBytes(2)));
            }
        } catch (SQLException e) {
            throw new DbException("Could not read the message metadata of group " + id, e);
        }
        Map<MessageId, Metadata> metadata = new HashMap<>();
        entries.forEach((messageId, map) -> metadata.put(messageId, new Metadata(map)));
        return metadata;
    }

    private static Metadata read(Connection c, String sql, UniqueId id) throws DbException {
        try {
            return new Metadata(readEntries(c, sql, id));
        } catch (SQLException e) {
            throw new DbException("Could not read the metadata of " + id, e);
        }
    }

    private static Map<String, byte[]> readEntries(Connection c, String sql, UniqueId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, id.getBytes());
            Map<String, byte[]> entries = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) entries.put(rs.getString(1), rs.getBytes(2));
            }
            return entries;
        }
    }
}
