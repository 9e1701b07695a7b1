package org.thicket.bramble.db;

import static org.thicket.bramble.db.TestData.identity;
import static org.thicket.bramble.db.TestData.randomBytes;
import static org.thicket.bramble.db.TestData.randomKey;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.MigrationListener;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.identity.api.Identity;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.sync.api.Visibility;
import org.thicket.bramble.test.CapturingEventBus;
import org.thicket.bramble.test.SettableClock;

/**
 * A real database with a settable clock, one identity, three contacts (inserted with SQL: the contact methods are
 * another concern's) and one stored group, for the sync data methods.
 */
abstract class SyncDatabaseTestCase {

    /** A transport's maximum latency: 30 seconds, like an online transport. */
    static final long LATENCY = 30_000;

    @TempDir
    Path dir;

    final CapturingEventBus bus = new CapturingEventBus();
    final SettableClock clock = new SettableClock();
    final Group group = TestData.group(1);
    DatabaseComponentImpl db;
    ContactId alice;
    ContactId bob;
    ContactId carol;
    private int eventsSeen;

    @BeforeEach
    void openDatabase() throws DbException {
        db = new DatabaseComponentImpl(() -> dir, bus, clock);
        db.open(randomKey(), MigrationListener.NONE);
        db.transaction(false, txn -> {
            Identity owner = identity("Owner");
            db.addIdentity(txn, owner);
            alice = insertContact(txn, owner, "Alice");
            bob = insertContact(txn, owner, "Bob");
            carol = insertContact(txn, owner, "Carol");
            db.addGroup(txn, group);
        });
    }

    @AfterEach
    void closeDatabase() throws DbException {
        db.close();
    }

    /** A contact row as the contact methods will write it; needs its identity stored first. */
    static ContactId insertContact(Transaction txn, Identity owner, String name) throws DbException {
        String sql = "INSERT INTO contacts (authorId, formatVersion, name, publicKey, localAuthorId, verified)"
                + " VALUES (?, 1, ?, ?, ?, TRUE)";
        Connection c = (Connection) txn.unbox();
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setBytes(1, randomBytes(32));
            ps.setString(2, name);
            ps.setBytes(3, randomBytes(32));
            ps.setBytes(4, owner.id().getBytes());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new ContactId(keys.getInt(1));
            }
        } catch (SQLException e) {
            throw new DbException("Could not insert contact " + name, e);
        }
    }

    /** Message {@code n} of the test group: later n, later timestamp; the body is {@code length} bytes. */
    Message message(long n, int length) {
        return TestData.message(group, n, randomBytes(length));
    }

    Message message(long n) {
        return message(n, 10);
    }

    /** Stores messages created here: delivered and shared. */
    void addLocal(Message... messages) throws DbException {
        db.transaction(false, txn -> {
            for (Message m : messages) db.addMessage(txn, m, MessageState.DELIVERED, true, false);
        });
    }

    void setVisibility(ContactId contactId, Visibility visibility) throws DbException {
        db.transaction(false, txn -> db.setGroupVisibility(txn, contactId, group.getId(), visibility));
    }

    /** The events broadcast since the last call (or since the fixture was set up, for the first call). */
    List<Event> newEvents() {
        List<Event> all = bus.events();
        List<Event> fresh = all.subList(Math.min(eventsSeen, all.size()), all.size());
        eventsSeen = all.size();
        return List.copyOf(fresh);
    }

    /** One column of the contact's status of a message, as a long (booleans are 0 or 1); -1 if there is none. */
    long status(ContactId contactId, Message m, String column) throws DbException {
        String sql = "SELECT CAST(" + column + " AS BIGINT) FROM statuses WHERE contactId = ? AND messageId = ?";
        return db.transactionWithResult(true, txn -> {
            try (PreparedStatement ps = ((Connection) txn.unbox()).prepareStatement(sql)) {
                ps.setInt(1, contactId.value());
                ps.setBytes(2, m.getId().getBytes());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : -1L;
                }
            } catch (SQLException e) {
                throw new DbException(sql, e);
            }
        });
    }

    /** The first column of the first row of a query with one ID parameter, as a long. */
    long queryLong(String sql, MessageId id) throws DbException {
        return db.transactionWithResult(true, txn -> {
            try (PreparedStatement ps = ((Connection) txn.unbox()).prepareStatement(sql)) {
                ps.setBytes(1, id.getBytes());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                throw new DbException(sql, e);
            }
        });
    }

    int count(String table) throws DbException {
        return TestData.count(db, table);
    }

    /** Stores a message received from the contact, as validation leaves it: delivered and shared. */
    void receiveDelivered(ContactId sender, Message m) throws DbException {
        db.transaction(false, txn -> {
            db.receiveMessage(txn, sender, m);
            db.setMessageState(txn, m.getId(), MessageState.DELIVERED);
            db.setMessageShared(txn, m.getId());
        });
    }
}
