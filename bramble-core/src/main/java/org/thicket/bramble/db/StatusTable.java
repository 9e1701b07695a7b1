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
import org.thicket.bramble.identity.api.AuthorId;
import org.thicket.bramble.sync.api.GroupId;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageState;

/**
 * SQL for the statuses table: one row per message and contact its group is visible to, holding what that contact
 * has (seen), what we owe it (ack), what it asked for (requested) and when to send again (expiry, txCount,
 * maxLatency of the last transmission).
 */
final class StatusTable {

    private static final String COLUMNS = "messageNo, contactId, messageId, groupId, timestamp, length, state,"
            + " groupShared, messageShared, deleted, ack, seen, requested, expiry, txCount, maxLatency";

    /**
     * The status of one message for one contact (parameters: contact, message ID). Rows are keyed by the message's
     * number (SequentialKeysMigration), found through the message's ID.
     */
    private static final String ONE = "contactId = ? AND messageNo = " + MessageTable.NUMBER_OF_ID;
    /** The statuses of the group bound to the parameter, found through its messages' numbers: no index on groupId. */
    private static final String OF_GROUP = "messageNo IN (SELECT messageNo FROM messages WHERE groupId = ?)";

    /**
     * The messages that may go to the contact bound to the first parameter at all. Every query that uses it also
     * selects on seen = FALSE or requested = TRUE, the rows whose copy of the state is kept current. The flags the
     * queries select on (ack, seen, requested) are compared with "= TRUE" or "= FALSE" so H2 uses the indexes on
     * (contactId, flag, timestamp).
     */
    private static final String SENDABLE = "contactId = ? AND state = " + MessageState.DELIVERED.getCode()
            + " AND groupShared AND messageShared AND NOT deleted";

    /**
     * Due: never sent, sent long enough ago that an ack should have come, or sent over a slower transport than the
     * one asking now (parameters: now, this transport's maximum latency).
     */
    private static final String DUE = SENDABLE + " AND seen = FALSE AND (expiry <= ? OR maxLatency > ?)";

    private static final String OLDEST_FIRST = " ORDER BY timestamp, messageId";

    /**
     * Statuses of a new message for every contact its group is visible to. The sender, if any, has the message and,
     * if {@code ackOwed}, is owed an ack; contact IDs are positive, so binding 0 for "no sender" matches no one.
     */
    void addForMessage(Connection c, Message m, long messageNo, MessageState state, boolean shared, ContactId sender,
            boolean ackOwed) throws DbException {
        String sql = "INSERT INTO statuses (" + COLUMNS + ") SELECT ?, contactId, ?, groupId, ?, ?, ?, shared, ?,"
                + " FALSE, contactId = ?, contactId = ?, FALSE, 0, 0, NULL FROM groupVisibilities WHERE groupId = ?";
        int senderId = sender == null ? 0 : sender.value();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, messageNo);
            ps.setBytes(2, m.getId().getBytes());
            ps.setLong(3, m.getTimestamp());
            ps.setInt(4, m.getLength());
            ps.setInt(5, state.getCode());
            ps.setBoolean(6, shared);
            ps.setInt(7, ackOwed ? senderId : 0);
            ps.setInt(8, senderId);
            ps.setBytes(9, m.getGroupId().getBytes());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new DbException("Could not create the statuses of message " + m.getId(), e);
        }
    }

    /** Statuses of every message of the group for a contact the group just became visible to. */
    void addForGroup(Connection c, ContactId contactId, GroupId groupId, boolean groupShared) throws DbException {
        String sql = "INSERT INTO statuses (" + COLUMNS + ") SELECT messageNo, ?, messageId, groupId, timestamp,"
                + " length, state, ?, shared, raw IS NULL, FALSE, FALSE, FALSE, 0, 0, NULL FROM messages"
                + " WHERE groupId = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, contactId.value());
            ps.setBoolean(2, groupShared);
            ps.setBytes(3, groupId.getBytes());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new DbException("Could not create the statuses of group " + groupId + " for " + contactId, e);
        }
    }

    void removeForGroup(Connection c, ContactId contactId, GroupId groupId) throws DbException {
        update(c, "DELETE FROM statuses WHERE contactId = ? AND " + OF_GROUP, contactId, groupId.getBytes());
    }

    void setGroupShared(Connection c, ContactId contactId, GroupId groupId, boolean shared) throws DbException {
        String sql = "UPDATE statuses SET groupShared = " + shared + " WHERE contactId = ? AND " + OF_GROUP;
        update(c, sql, contactId, groupId.getBytes());
    }

    /** Before the group is removed: statuses have no foreign keys to cascade from (see Schema). */
    void removeAllOfGroup(Connection c, GroupId groupId) throws DbException {
        delete(c, "DELETE FROM statuses WHERE " + OF_GROUP, groupId.getBytes());
    }

    /** Before the contact is removed. */
    void removeAllOfContact(Connection c, ContactId contactId) throws DbException {
        delete(c, "DELETE FROM statuses WHERE contactId = ?", contactId.value());
    }

    /** Before the identity is removed, which takes its contacts with it. */
    void removeAllOfIdentity(Connection c, AuthorId localAuthorId) throws DbException {
        delete(c, "DELETE FROM statuses WHERE contactId IN (SELECT contactId FROM contacts WHERE localAuthorId = ?)",
                localAuthorId.getBytes());
    }

    private static void delete(Connection c, String sql, Object key) throws DbException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, key);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new DbException("Could not delete statuses", e);
        }
    }

    /** The contact has the message and we owe it an ack. False if there is no status (the group is invisible). */
    boolean raiseAckFlag(Connection c, ContactId contactId, MessageId id) throws DbException {
        String sql = "UPDATE statuses SET ack = TRUE, seen = TRUE WHERE " + ONE;
        return update(c, sql, contactId, id.getBytes()) > 0;
    }

    boolean isSeen(Connection c, ContactId contactId, MessageId id) throws DbException {
        String sql = "SELECT 1 FROM statuses WHERE " + ONE + " AND seen = TRUE";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, contactId.value());
            ps.setBytes(2, id.getBytes());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new DbException("Could not look up the status of " + id + " for contact " + contactId.value(), e);
        }
    }

    List<MessageId> getMessagesToAck(Connection c, ContactId contactId, int max) throws DbException {
        String sql = "SELECT messageId FROM statuses WHERE contactId = ? AND ack = TRUE" + OLDEST_FIRST + " LIMIT ?";
        return queryIds(c, sql, contactId, max);
    }

    void lowerAckFlag(Connection c, ContactId contactId, Collection<MessageId> ids) throws DbException {
        String sql = "UPDATE statuses SET ack = FALSE WHERE " + ONE;
        for (MessageId id : ids) update(c, sql, contactId, id.getBytes());
    }

    /** Marks the messages seen by the contact; returns those it has a status for (the others are ignored). */
    List<MessageId> raiseSeenFlag(Connection c, ContactId contactId, Collection<MessageId> ids) throws DbException {
        List<MessageId> seen = new ArrayList<>();
        for (MessageId id : ids) {
            String sql = "UPDATE statuses SET seen = TRUE WHERE " + ONE;
            if (update(c, sql, contactId, id.getBytes()) > 0) seen.add(id);
        }
        return seen;
    }

    /**
     * False if there is no status (the group is invisible to the contact or the message unknown). The status takes
     * the message's current state along: a seen status does not keep it (see MessageTable).
     */
    boolean raiseRequestedFlag(Connection c, ContactId contactId, MessageId id) throws DbException {
        String sql = "UPDATE statuses s SET requested = TRUE,"
                + " state = (SELECT m.state FROM messages m WHERE m.messageNo = s.messageNo) WHERE " + ONE;
        return update(c, sql, contactId, id.getBytes()) > 0;
    }

    /** Due messages, oldest first, as many as fit in {@code maxLength} bytes of raw messages. */
    List<MessageId> getDue(Connection c, ContactId contactId, long now, long maxLatency, int maxLength)
            throws DbException {
        String sql = "SELECT messageId, length FROM statuses WHERE " + DUE + OLDEST_FIRST;
        return queryUpToLength(c, sql, contactId, maxLength, now, maxLatency);
    }

    /** Due messages, oldest first, at most {@code max} of them. */
    List<MessageId> getDueIds(Connection c, ContactId contactId, long now, long maxLatency, int max)
            throws DbException {
        String sql = "SELECT messageId FROM statuses WHERE " + DUE + OLDEST_FIRST + " LIMIT ?";
        return queryIds(c, sql, contactId, now, maxLatency, max);
    }

    /** Requested messages, due or not, oldest first, as many as fit in {@code maxLength} bytes. */
    List<MessageId> getRequested(Connection c, ContactId contactId, int maxLength) throws DbException {
        String sql = "SELECT messageId, length FROM statuses WHERE " + SENDABLE + " AND requested = TRUE"
                + OLDEST_FIRST;
        return queryUpToLength(c, sql, contactId, maxLength);
    }

    /**
     * The messages sent to the contact before that it has not acked, oldest first. The first transmission sets the
     * expiry, which the unseen statuses' index holds, so this reads no rows.
     */
    List<MessageId> getSentUnacked(Connection c, ContactId contactId) throws DbException {
        return queryIds(c, "SELECT messageId FROM statuses WHERE " + SENDABLE + " AND seen = FALSE AND expiry > 0"
                + OLDEST_FIRST, contactId);
    }

    /** Every message the contact has not acked, due or not, oldest first. */
    List<MessageId> getUnacked(Connection c, ContactId contactId) throws DbException {
        return queryIds(c, "SELECT messageId FROM statuses WHERE " + SENDABLE + " AND seen = FALSE" + OLDEST_FIRST,
                contactId);
    }

    /**
     * Records that the messages went out to the contact over a transport with this maximum latency: the request, if
     * any, is answered, and each is due again after the backoff. Returns those the contact has a status for.
     */
    List<MessageId> recordTransmissions(Connection c, ContactId contactId, Collection<MessageId> ids, long now,
            long maxLatency) throws DbException {
        String sql = "UPDATE statuses SET expiry = " + ExponentialBackoff.EXPIRY + ", txCount = LEAST(txCount, "
                + (Integer.MAX_VALUE - 1) + ") + 1, maxLatency = ?, requested = FALSE WHERE " + ONE;
        List<MessageId> recorded = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int next = ExponentialBackoff.bind(ps, 1, now, maxLatency);
            ps.setLong(next, maxLatency);
            ps.setInt(next + 1, contactId.value());
            for (MessageId id : ids) {
                ps.setBytes(next + 2, id.getBytes());
                if (ps.executeUpdate() > 0) recorded.add(id);
            }
            return recorded;
        } catch (SQLException e) {
            throw new DbException("Could not record transmissions to " + contactId, e);
        }
    }

    private static int update(Connection c, String sql, ContactId contactId, byte[] id) throws DbException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, contactId.value());
            ps.setBytes(2, id);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new DbException("Could not update the statuses of " + contactId, e);
        }
    }

    /** Runs a query whose first parameter is the contact and the rest are longs or ints, for a column of IDs. */
    private static List<MessageId> queryIds(Connection c, String sql, ContactId contactId, Number... params)
            throws DbException {
        try (PreparedStatement ps = prepare(c, sql, contactId, params); ResultSet rs = ps.executeQuery()) {
            List<MessageId> ids = new ArrayList<>();
            while (rs.next()) ids.add(new MessageId(rs.getBytes(1)));
            return ids;
        } catch (SQLException e) {
            throw new DbException("Could not read the statuses of " + contactId, e);
        }
    }

    /** Rows of (messageId, length) in order; stops at the first message that no longer fits. */
    private static List<MessageId> queryUpToLength(Connection c, String sql, ContactId contactId, int maxLength,
            Number... params) throws DbException {
        try (PreparedStatement ps = prepare(c, sql, contactId, params); ResultSet rs = ps.executeQuery()) {
            List<MessageId> ids = new ArrayList<>();
            long total = 0;
            while (rs.next()) {
                total += rs.getInt(2);
                if (total > maxLength) break;
                ids.add(new MessageId(rs.getBytes(1)));
            }
            return ids;
        } catch (SQLException e) {
            throw new DbException("Could not read the statuses of " + contactId, e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, ContactId contactId, Number... params)
            throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setInt(1, contactId.value());
        for (int i = 0; i < params.length; i++) ps.setLong(i + 2, params[i].longValue());
        return ps;
    }
}
