package org.thicket.bramble.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.PendingContactId;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.transport.api.IncomingKeys;
import org.thicket.bramble.transport.api.KeySetId;
import org.thicket.bramble.transport.api.OutgoingKeys;
import org.thicket.bramble.transport.api.TransportKeySet;
import org.thicket.bramble.transport.api.TransportKeys;
import org.thicket.bramble.util.Bytes;

/**
 * SQL for the outgoingKeys and incomingKeys tables. A key set is one outgoingKeys row (which also holds the owner,
 * the stream counter and, in handshake mode, the root key) and three incomingKeys rows with period offsets -1, 0
 * and +1. Secret keys pass through byte[] copies that are wiped once bound or read.
 */
final class TransportKeyTable {

    private static final String SELECT = "SELECT o.keySetId, o.contactId, o.pendingContactId, o.timePeriod,"
            + " o.tagKey, o.headerKey, o.stream, o.active, o.rootKey, o.alice,"
            + " i.timePeriod, i.tagKey, i.headerKey, i.base, i.bitmap"
            + " FROM outgoingKeys o JOIN incomingKeys i ON o.transportId = i.transportId AND o.keySetId = i.keySetId"
            + " WHERE o.transportId = ?";
    private static final String ORDER = " ORDER BY o.keySetId, i.periodOffset";

    /** Stores new keys of a contact or (with {@code contact} null) of a pending contact. */
    KeySetId add(Connection c, ContactId contact, PendingContactId pending, TransportKeys k) throws DbException {
        String sql = "INSERT INTO outgoingKeys (transportId, timePeriod, contactId, pendingContactId, tagKey,"
                + " headerKey, stream, active, rootKey, alice) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        KeySetId id;
        try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"KEYSETID"})) {
            OutgoingKeys out = k.currentOutgoing();
            ps.setString(1, k.transportId().value());
            ps.setLong(2, out.timePeriod());
            if (contact == null) ps.setNull(3, Types.INTEGER);
            else ps.setInt(3, contact.value());
            ps.setBytes(4, pending == null ? null : pending.getBytes());
            setKey(ps, 5, out.tagKey());
            setKey(ps, 6, out.headerKey());
            ps.setLong(7, out.streamCounter());
            ps.setBoolean(8, out.active());
            setKey(ps, 9, k.rootKey());
            if (k.isHandshakeMode()) ps.setBoolean(10, k.alice());
            else ps.setNull(10, Types.BOOLEAN);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) throw new DbException("No key set ID was generated");
                id = new KeySetId(keys.getInt(1));
            }
        } catch (SQLException e) {
            throw new DbException("Could not store keys for transport " + k.transportId().value(), e);
        }
        addIncoming(c, k, id);
        return id;
    }

    private static void addIncoming(Connection c, TransportKeys k, KeySetId id) throws DbException {
        String sql = "INSERT INTO incomingKeys (transportId, keySetId, periodOffset, timePeriod, tagKey, headerKey,"
                + " base, bitmap) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int offset = -1; offset <= 1; offset++) {
                IncomingKeys in = k.incomingKeys(k.timePeriod() + offset);
                ps.setString(1, k.transportId().value());
                ps.setInt(2, id.value());
                ps.setInt(3, offset);
                ps.setLong(4, in.timePeriod());
                setKey(ps, 5, in.tagKey());
                setKey(ps, 6, in.headerKey());
                ps.setLong(7, in.windowBase());
                ps.setBytes(8, bitmapBytes(in.windowBitmap()));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new DbException("Could not store incoming keys of key set " + id.value(), e);
        }
    }

    List<TransportKeySet> getAll(Connection c, TransportId t) throws DbException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + ORDER)) {
            ps.setString(1, t.value());
            return read(ps, t);
        } catch (SQLException e) {
            throw new DbException("Could not read the keys of transport " + t.value(), e);
        }
    }

    /** The key set, or null if there is none with this ID on the transport. */
    TransportKeySet get(Connection c, TransportId t, KeySetId id) throws DbException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " AND o.keySetId = ?" + ORDER)) {
            ps.setString(1, t.value());
            ps.setInt(2, id.value());
            List<TransportKeySet> sets = read(ps, t);
            return sets.isEmpty() ? null : sets.get(0);
        } catch (SQLException e) {
            throw new DbException("Could not read key set " + id.value(), e);
        }
    }

    /** Replaces the keys, periods, counter, windows and active flag; the owner and root key stay. */
    void update(Connection c, TransportKeySet set) throws DbException {
        TransportKeys k = set.keys();
        OutgoingKeys out = k.currentOutgoing();
        String sql = "UPDATE outgoingKeys SET timePeriod = ?, tagKey = ?, headerKey = ?, stream = ?, active = ?"
                + " WHERE transportId = ? AND keySetId = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, out.timePeriod());
            setKey(ps, 2, out.tagKey());
            setKey(ps, 3, out.headerKey());
            ps.setLong(4, out.streamCounter());
            ps.setBoolean(5, out.active());
            ps.setString(6, k.transportId().value());
            ps.setInt(7, set.keySetId().value());
            requireOneRow(ps.executeUpdate(), k.transportId(), set.keySetId());
        } catch (SQLException e) {
            throw new DbException("Could not update key set " + set.keySetId().value(), e);
        }
        updateIncoming(c, set);
    }

    private static void updateIncoming(Connection c, TransportKeySet set) throws DbException {
        TransportKeys k = set.keys();
        String sql = "UPDATE incomingKeys SET timePeriod = ?, tagKey = ?, headerKey = ?, base = ?, bitmap = ?"
                + " WHERE transportId = ? AND keySetId = ? AND periodOffset = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int offset = -1; offset <= 1; offset++) {
                IncomingKeys in = k.incomingKeys(k.timePeriod() + offset);
                ps.setLong(1, in.timePeriod());
                setKey(ps, 2, in.tagKey());
                setKey(ps, 3, in.headerKey());
                ps.setLong(4, in.windowBase());
                ps.setBytes(5, bitmapBytes(in.windowBitmap()));
                ps.setString(6, k.transportId().value());
                ps.setInt(7, set.keySetId().value());
                ps.setInt(8, offset);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new DbException("Could not update the incoming keys of key set " + set.keySetId().value(), e);
        }
    }

    /** Adds one to the stream counter and returns the value before. */
    long incrementStreamCounter(Connection c, TransportId t, KeySetId id) throws DbException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT stream FROM outgoingKeys WHERE transportId = ? AND keySetId = ?");
                PreparedStatement update = c.prepareStatement(
                "UPDATE outgoingKeys SET stream = stream + 1 WHERE transportId = ? AND keySetId = ?")) {
            select.setString(1, t.value());
            select.setInt(2, id.value());
            long counter;
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) throw noSuchKeySet(t, id);
                counter = rs.getLong(1);
            }
            update.setString(1, t.value());
            update.setInt(2, id.value());
            update.executeUpdate();
            return counter;
        } catch (SQLException e) {
            throw new DbException("Could not increment the stream counter of key set " + id.value(), e);
        }
    }

    void setReorderingWindow(Connection c, TransportId t, KeySetId id, long timePeriod, long base, int bitmap)
            throws DbException {
        String sql = "UPDATE incomingKeys SET base = ?, bitmap = ?"
                + " WHERE transportId = ? AND keySetId = ? AND timePeriod = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, base);
            ps.setBytes(2, bitmapBytes(bitmap));
            ps.setString(3, t.value());
            ps.setInt(4, id.value());
            ps.setLong(5, timePeriod);
            if (ps.executeUpdate() != 1) {
                throw new DbException("No incoming keys of period " + timePeriod + " in key set " + id.value());
            }
        } catch (SQLException e) {
            throw new DbException("Could not store the reordering window of key set " + id.value(), e);
        }
    }

    void setActive(Connection c, TransportId t, KeySetId id) throws DbException {
        String sql = "UPDATE outgoingKeys SET active = TRUE WHERE transportId = ? AND keySetId = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, t.value());
            ps.setInt(2, id.value());
            requireOneRow(ps.executeUpdate(), t, id);
        } catch (SQLException e) {
            throw new DbException("Could not activate key set " + id.value(), e);
        }
    }

    /** Removes the key set; its incoming keys go with it. */
    void remove(Connection c, TransportId t, KeySetId id) throws DbException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM outgoingKeys WHERE transportId = ? AND keySetId = ?")) {
            ps.setString(1, t.value());
            ps.setInt(2, id.value());
            requireOneRow(ps.executeUpdate(), t, id);
        } catch (SQLException e) {
            throw new DbException("Could not remove key set " + id.value(), e);
        }
    }

    /** Reads key sets of three rows each, in the order of the query: key set, then period offset. */
    private static List<TransportKeySet> read(PreparedStatement ps, TransportId t) throws SQLException {
        List<TransportKeySet> sets = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                IncomingKeys previous = readIncoming(rs);
                if (!rs.next()) throw new SQLException("A key set has fewer than three incoming rows");
                IncomingKeys current = readIncoming(rs);
                if (!rs.next()) throw new SQLException("A key set has fewer than three incoming rows");
                IncomingKeys next = readIncoming(rs);
                sets.add(readSet(rs, t, previous, current, next));
            }
        }
        return sets;
    }

    private static TransportKeySet readSet(ResultSet rs, TransportId t, IncomingKeys previous,
            IncomingKeys current, IncomingKeys next) throws SQLException {
        int contact = rs.getInt(2);
        boolean isContact = !rs.wasNull();
        byte[] pending = rs.getBytes(3);
        OutgoingKeys out = new OutgoingKeys(readKey(rs, 5), readKey(rs, 6), rs.getLong(4), rs.getLong(7),
                rs.getBoolean(8));
        SecretKey rootKey = readKey(rs, 9);
        boolean alice = rs.getBoolean(10);
        TransportKeys keys = new TransportKeys(t, previous, current, next, out, rootKey, alice);
        return new TransportKeySet(new KeySetId(rs.getInt(1)), isContact ? new ContactId(contact) : null,
                pending == null ? null : new PendingContactId(pending), keys);
    }

    private static IncomingKeys readIncoming(ResultSet rs) throws SQLException {
        return new IncomingKeys(readKey(rs, 12), readKey(rs, 13), rs.getLong(11), rs.getLong(14),
                (int) Bytes.readUint32(rs.getBytes(15), 0));
    }

    /** A key column; null stays null. */
    private static SecretKey readKey(ResultSet rs, int column) throws SQLException {
        byte[] key = rs.getBytes(column);
        if (key == null) return null;
        try {
            return new SecretKey(key);
        } finally {
            Bytes.wipe(key);
        }
    }

    private static void setKey(PreparedStatement ps, int index, SecretKey key) throws SQLException {
        if (key == null) {
            ps.setNull(index, Types.BINARY);
            return;
        }
        byte[] bytes = key.getBytes();
        try {
            ps.setBytes(index, bytes);
        } finally {
            Bytes.wipe(bytes);
        }
    }

    /** The bitmap as four bytes, the first stream number's bit the most significant of the first byte. */
    private static byte[] bitmapBytes(int bitmap) {
        return Bytes.uint32(Integer.toUnsignedLong(bitmap));
    }

    private static void requireOneRow(int updated, TransportId t, KeySetId id) throws DbException {
        if (updated != 1) throw noSuchKeySet(t, id);
    }

    private static DbException noSuchKeySet(TransportId t, KeySetId id) {
        return new DbException("No key set " + id.value() + " for transport " + t.value());
    }
}
