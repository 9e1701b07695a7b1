package org.thicket.bramble.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.sync.api.MessageId;

/** SQL for the offers table: IDs a contact offered that we may request. */
final class OfferTable {

    boolean contains(Connection c, ContactId contactId, MessageId id) throws DbException {
        String sql = "SELECT 1 FROM offers WHERE contactId = ? AND messageId = ?";
        try (PreparedStatement ps = prepare(c, sql, contactId, id); ResultSet rs = ps.executeQuery()) {
            return rs.next();
        } catch (SQLException e) {
            throw new DbException("Could not look up an offer from " + contactId, e);
        }
    }

    int count(Connection c, ContactId contactId) throws DbException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM offers WHERE contactId = ?")) {
            ps.setInt(1, contactId.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new DbException("Could not count the offers from " + contactId, e);
        }
    }

    void add(Connection c, ContactId contactId, MessageId id) throws DbException {
        try (PreparedStatement ps = prepare(c, "INSERT INTO offers (contactId, messageId) VALUES (?, ?)", contactId,
                id)) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new DbException("Could not store an offer from " + contactId, e);
        }
    }

    /** Offered IDs of messages we still do not have (one may have come from another contact meanwhile). */
    List<MessageId> getMissing(Connection c, ContactId contactId, int max) throws DbException {
        String sql = "SELECT messageId FROM offers o WHERE contactId = ?"
                + " AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.messageId = o.messageId) LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, contactId.value());
            ps.setInt(2, max);
            try (ResultSet rs = ps.executeQuery()) {
                List<MessageId> ids = new ArrayList<>();
                while (rs.next()) ids.add(new MessageId(rs.getBytes(1)));
                return ids;
            }
        } catch (SQLException e) {
            throw new DbException("Could not read the offers from " + contactId, e);
        }
    }

    void remove(Connection c, ContactId contactId, Collection<MessageId> ids) throws DbException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM offers WHERE contactId = ? AND messageId = ?")) {
            for (MessageId id : ids) {
                ps.setInt(1, contactId.value());
                ps.setBytes(2, id.getBytes());
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new DbException("Could not remove offers from " + contactId, e);
        }
    }

    /** Once a message is stored, no contact's offer of it needs a request. */
    void removeAll(Connection c, MessageId id) throws DbException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM offers WHERE messageId = ?")) {
            ps.setBytes(1, id.getBytes());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new DbException("Could not remove the offers of message " + id, e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, ContactId contactId, MessageId id)
            throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setInt(1, contactId.value());
        ps.setBytes(2, id.getBytes());
        return ps;
    }
}
