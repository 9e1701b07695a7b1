package org.thicket.bramble.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.thicket.bramble.contact.api.Contact;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.NoSuchContactException;
import org.thicket.bramble.contact.api.PendingContact;
import org.thicket.bramble.contact.api.PendingContactId;
import org.thicket.bramble.crypto.api.KeyType;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.identity.api.Author;
import org.thicket.bramble.identity.api.AuthorId;

/** SQL for the contacts and pendingContacts tables. */
final class ContactTable {

    private static final String COLUMNS =
            "contactId, authorId, formatVersion, name, alias, publicKey, handshakePublicKey, localAuthorId, verified";

    ContactId add(Connection c, Author remote, AuthorId localAuthorId, PublicKey handshakePublicKey,
            boolean verified) throws DbException {
        String sql = "INSERT INTO contacts (authorId, formatVersion, name, publicKey, handshakePublicKey,"
                + " localAuthorId, verified) VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setBytes(1, remote.id().getBytes());
            ps.setInt(2, remote.formatVersion());
            ps.setString(3, remote.name());
            ps.setBytes(4, remote.publicKey().getEncoded());
            if (handshakePublicKey == null) ps.setNull(5, Types.BINARY);
            else ps.setBytes(5, handshakePublicKey.getEncoded());
            ps.setBytes(6, localAuthorId.getBytes());
            ps.setBoolean(7, verified);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) throw new DbException("No contact ID was generated");
                return new ContactId(keys.getInt(1));
            }
        } catch (SQLException e) {
            throw new DbException("Could not store contact " + remote.id(), e);
        }
    }

    boolean contains(Connection c, ContactId id) throws DbException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM contacts WHERE contactId = ?")) {
            ps.setInt(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new DbException("Could not look up contact " + id.value(), e);
        }
    }

    boolean contains(Connection c, AuthorId remote, AuthorId localAuthorId) throws DbException {
        String sql = "SELECT 1 FROM contacts WHERE authorId = ? AND localAuthorId = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, remote.getBytes());
            ps.setBytes(2, localAuthorId.getBytes());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new DbException("Could not look up contact " + remote, e);
        }
    }

    Contact get(Connection c, ContactId id) throws DbException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM contacts WHERE contactId = ?")) {
            ps.setInt(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw noSuchContact(id);
                return read(rs);
            }
        } catch (SQLException e) {
            throw new DbException("Could not read contact " + id.value(), e);
        }
    }

    List<Contact> getAll(Connection c) throws DbException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM contacts ORDER BY contactId");
                ResultSet rs = ps.executeQuery()) {
            List<Contact> contacts = new ArrayList<>();
            while (rs.next()) contacts.add(read(rs));
            return contacts;
        } catch (SQLException e) {
            throw new DbException("Could not read the contacts", e);
        }
    }

    void setAlias(Connection c, ContactId id, String alias) throws DbException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE contacts SET alias = ? WHERE contactId = ?")) {
            ps.setString(1, alias);
            ps.setInt(2, id.value());
            if (ps.executeUpdate() == 0) throw noSuchContact(id);
        } catch (SQLException e) {
            throw new DbException("Could not set the alias of contact " + id.value(), e);
        }
    }

    void setVerified(Connection c, ContactId id, boolean verified) throws DbException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE contacts SET verified = ? WHERE contactId = ?")) {
            ps.setBoolean(1, verified);
            ps.setInt(2, id.value());
            if (ps.executeUpdate() == 0) throw noSuchContact(id);
        } catch (SQLException e) {
            throw new DbException("Could not set contact " + id.value() + " verified", e);
        }
    }

    /** Removes the contact; the foreign keys cascade to its keys, visibilities, statuses and offers. */
    void remove(Connection c, ContactId id) throws DbException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM contacts WHERE contactId = ?")) {
            ps.setInt(1, id.value());
            if (ps.executeUpdate() == 0) throw noSuchContact(id);
        } catch (SQLException e) {
            throw new DbException("Could not remove contact " + id.value(), e);
        }
    }

    void addPending(Connection c, PendingContact p) throws DbException {
        String sql = "INSERT INTO pendingContacts (pendingContactId, publicKey, alias, timestamp) VALUES (?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, p.id().getBytes());
            ps.setBytes(2, p.publicKey().getEncoded());
            ps.setString(3, p.alias());
            ps.setLong(4, p.timestamp());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new DbException("Could not store pending contact " + p.id(), e);
        }
    }

    boolean containsPending(Connection c, PendingContactId id) throws DbException {
        return Jdbc.exists(c, "pendingContacts", "pendingContactId", id, "pending contact");
    }

    List<PendingContact> getAllPending(Connection c) throws DbException {
        String sql = "SELECT pendingContactId, publicKey, alias, timestamp FROM pendingContacts ORDER BY timestamp";
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<PendingContact> pending = new ArrayList<>();
            while (rs.next()) {
                pending.add(new PendingContact(new PendingContactId(rs.getBytes(1)),
                        new PublicKey(KeyType.AGREEMENT, rs.getBytes(2)), rs.getString(3), rs.getLong(4)));
            }
            return pending;
        } catch (SQLException e) {
            throw new DbException("Could not read the pending contacts", e);
        }
    }

    /** Removes the pending contact; its handshake keys go with it. */
    void removePending(Connection c, PendingContactId id) throws DbException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM pendingContacts WHERE pendingContactId = ?")) {
            ps.setBytes(1, id.getBytes());
            if (ps.executeUpdate() == 0) throw new NoSuchContactException("No pending contact " + id);
        } catch (SQLException e) {
            throw new DbException("Could not remove pending contact " + id, e);
        }
    }

    private static NoSuchContactException noSuchContact(ContactId id) {
        return new NoSuchContactException("No contact " + id.value());
    }

    private static Contact read(ResultSet rs) throws SQLException {
        Author author = new Author(new AuthorId(rs.getBytes(2)), rs.getInt(3), rs.getString(4),
                new PublicKey(KeyType.SIGNATURE, rs.getBytes(6)));
        byte[] handshake = rs.getBytes(7);
        return new Contact(new ContactId(rs.getInt(1)), author, new AuthorId(rs.getBytes(8)), rs.getString(5),
                handshake == null ? null : new PublicKey(KeyType.AGREEMENT, handshake), rs.getBoolean(9));
    }
}
