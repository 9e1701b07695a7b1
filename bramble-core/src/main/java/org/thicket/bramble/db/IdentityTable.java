package org.thicket.bramble.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.thicket.bramble.crypto.api.KeyPair;
import org.thicket.bramble.crypto.api.KeyType;
import org.thicket.bramble.crypto.api.PrivateKey;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.NoSuchIdentityException;
import org.thicket.bramble.identity.api.Author;
import org.thicket.bramble.identity.api.AuthorId;
import org.thicket.bramble.identity.api.Identity;
import org.thicket.bramble.identity.api.LocalAuthor;
import org.thicket.bramble.util.Bytes;

/** SQL for the identities table. Private keys pass through byte[] copies that are wiped once bound or read. */
final class IdentityTable {

    private static final String COLUMNS = "authorId, formatVersion, name, publicKey, privateKey,"
            + " handshakePublicKey, handshakePrivateKey, created";

    void add(Connection c, Identity identity) throws DbException {
        Author author = identity.localAuthor().author();
        byte[] privateKey = identity.localAuthor().privateKey().getEncoded();
        byte[] handshakePrivateKey = identity.handshakeKeyPair().privateKey().getEncoded();
        String sql = "INSERT INTO identities (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, author.id().getBytes());
            ps.setInt(2, author.formatVersion());
            ps.setString(3, author.name());
            ps.setBytes(4, author.publicKey().getEncoded());
            ps.setBytes(5, privateKey);
            ps.setBytes(6, identity.handshakeKeyPair().publicKey().getEncoded());
            ps.setBytes(7, handshakePrivateKey);
            ps.setLong(8, identity.created());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new DbException("Could not store identity " + author.id(), e);
        } finally {
            Bytes.wipe(privateKey);
            Bytes.wipe(handshakePrivateKey);
        }
    }

    boolean contains(Connection c, AuthorId id) throws DbException {
        return Jdbc.exists(c, "identities", "authorId", id, "identity");
    }

    Identity get(Connection c, AuthorId id) throws DbException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM identities WHERE authorId = ?")) {
            ps.setBytes(1, id.getBytes());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw noSuchIdentity(id);
                return read(rs);
            }
        } catch (SQLException e) {
            throw new DbException("Could not read identity " + id, e);
        }
    }

    List<Identity> getAll(Connection c) throws DbException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM identities");
                ResultSet rs = ps.executeQuery()) {
            List<Identity> identities = new ArrayList<>();
            while (rs.next()) identities.add(read(rs));
            return identities;
        } catch (SQLException e) {
            throw new DbException("Could not read the identities", e);
        }
    }

    /** Removes the identity; its contacts go with it. */
    void remove(Connection c, AuthorId id) throws DbException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM identities WHERE authorId = ?")) {
            ps.setBytes(1, id.getBytes());
            if (ps.executeUpdate() == 0) throw noSuchIdentity(id);
        } catch (SQLException e) {
            throw new DbException("Could not remove identity " + id, e);
        }
    }

    private static NoSuchIdentityException noSuchIdentity(AuthorId id) {
        return new NoSuchIdentityException("No identity " + id);
    }

    private static Identity read(ResultSet rs) throws SQLException {
        byte[] privateKey = rs.getBytes(5);
        byte[] handshakePrivateKey = rs.getBytes(7);
        try {
            Author author = new Author(new AuthorId(rs.getBytes(1)), rs.getInt(2), rs.getString(3),
                    new PublicKey(KeyType.SIGNATURE, rs.getBytes(4)));
            LocalAuthor localAuthor = new LocalAuthor(author, new PrivateKey(KeyType.SIGNATURE, privateKey));
            KeyPair handshake = new KeyPair(new PublicKey(KeyType.AGREEMENT, rs.getBytes(6)),
                    new PrivateKey(KeyType.AGREEMENT, handshakePrivateKey));
            return new Identity(localAuthor, handshake, rs.getLong(8));
        } finally {
            Bytes.wipe(privateKey);
            Bytes.wipe(handshakePrivateKey);
        }
    }
}
