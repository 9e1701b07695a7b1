package org.thicket.bramble.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageState;

/** SQL that validation needs beyond the sync tables: messages by state, and dropping a message's metadata. */
final class ValidationTable {

    /** Every message in the state, oldest first; read once per start, so a scan without an index will do. */
    List<MessageId> getIds(Connection c, MessageState state) throws DbException {
        String sql = "SELECT messageId FROM messages WHERE state = ? ORDER BY timestamp";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, state.getCode());
            List<MessageId> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.add(new MessageId(rs.getBytes(1)));
            }
            return ids;
        } catch (SQLException e) {
            throw new DbException("Could not read the messages in state " + state, e);
        }
    }

    void deleteMetadata(Connection c, MessageId id) throws DbException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM messageMetadata WHERE messageNo = " + MessageTable.NUMBER_OF_ID)) {
            ps.setBytes(1, id.getBytes());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new DbException("Could not delete the metadata of message " + id, e);
        }
    }
}
