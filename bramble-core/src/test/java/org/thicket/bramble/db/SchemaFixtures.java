package org.thicket.bramble.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.identity.api.Identity;

/** What the migration tests compare against: the current schema's indexes, and raw SQL for rows with no method. */
final class SchemaFixtures {

    /** The column lists of the statuses indexes the current schema has: no foreign keys' (schema 6). */
    static final Set<String> STATUS_INDEXES = Set.of("MESSAGENO,CONTACTID",
            "CONTACTID,ACK,TIMESTAMP,MESSAGEID",
            "CONTACTID,SEEN,TIMESTAMP,MESSAGEID,LENGTH,EXPIRY,MAXLATENCY,STATE,GROUPSHARED,MESSAGESHARED,DELETED",
            "CONTACTID,REQUESTED,TIMESTAMP");
    static final Set<String> METADATA_INDEXES = Set.of("MESSAGENO", "GROUPID,STATE");

    /** A status of the message bound to the parameter for the only contact: not yet sent, acked or seen. */
    static final String INSERT_STATUS = "INSERT INTO statuses SELECT messageNo, (SELECT contactId FROM contacts),"
            + " messageId, groupId, timestamp, length, state, TRUE, shared, FALSE, FALSE, FALSE, FALSE, 0, 0, NULL"
            + " FROM messages WHERE messageId = ?";

    private SchemaFixtures() {
    }

    /** Each index of the table as its comma-separated column list. */
    static Set<String> indexes(DatabaseComponentImpl db, String table) throws DbException {
        String sql = "SELECT LISTAGG(COLUMN_NAME, ',') WITHIN GROUP (ORDER BY ORDINAL_POSITION)"
                + " FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE TABLE_NAME = ? GROUP BY INDEX_NAME";
        return db.transactionWithResult(true, txn -> {
            Set<String> indexes = new TreeSet<>();
            try (PreparedStatement ps = ((Connection) txn.unbox()).prepareStatement(sql)) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) indexes.add(rs.getString(1));
                }
            } catch (SQLException e) {
                throw new DbException(sql, e);
            }
            return indexes;
        });
    }

    /** An identity and one contact of it (ID 1 in a new database), written by SQL: no keys are needed. */
    static void addContactOfNewIdentity(DatabaseComponentImpl db, Transaction txn) throws DbException {
        Identity owner = TestData.identity("Owner");
        db.addIdentity(txn, owner);
        execute(txn, "INSERT INTO contacts (authorId, formatVersion, name, publicKey, localAuthorId, verified)"
                + " VALUES (?, 1, 'Carol', ?, ?, TRUE)", TestData.randomBytes(32), TestData.randomBytes(32),
                owner.id().getBytes());
    }

    /** Runs the migration again on the open database, as after a crash half-way through it. */
    static void migrateAgain(DatabaseComponentImpl db, Migration migration) throws DbException {
        db.transaction(false, txn -> {
            try {
                migration.migrate((Connection) txn.unbox());
            } catch (SQLException e) {
                throw new DbException("migrate", e);
            }
        });
    }

    /** Runs one statement whose parameters are all byte arrays. */
    static void execute(Transaction txn, String sql, byte[]... args) throws DbException {
        try (PreparedStatement ps = ((Connection) txn.unbox()).prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setBytes(i + 1, args[i]);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new DbException(sql, e);
        }
    }
}
