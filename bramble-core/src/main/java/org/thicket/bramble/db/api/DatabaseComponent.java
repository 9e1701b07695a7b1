package org.thicket.bramble.db.api;

import java.util.Collection;
import org.thicket.bramble.identity.api.AuthorId;
import org.thicket.bramble.identity.api.Identity;
import org.thicket.bramble.settings.api.Settings;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.GroupId;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageState;

/**
 * The encrypted database. Every data method takes the {@link Transaction} it runs in; events that describe its
 * changes are attached to that transaction and published after it commits. Methods that change data need a
 * read-write transaction and throw {@link IllegalArgumentException} for a read-only one.
 */
public interface DatabaseComponent extends DatabaseLifecycle {

    /** The settings of a namespace; empty if none were stored. */
    Settings getSettings(Transaction txn, String namespace) throws DbException;

    /**
     * Stores every entry of {@code settings} in the namespace, keeping other keys. If anything changed, attaches a
     * {@link org.thicket.bramble.settings.api.SettingsUpdatedEvent} with the whole namespace after the merge.
     */
    void mergeSettings(Transaction txn, Settings settings, String namespace) throws DbException;

    /** Stores an identity, private keys included; does nothing if one with the same ID is stored. */
    void addIdentity(Transaction txn, Identity identity) throws DbException;

    boolean containsIdentity(Transaction txn, AuthorId id) throws DbException;

    /** @throws NoSuchIdentityException if there is none with this ID */
    Identity getIdentity(Transaction txn, AuthorId id) throws DbException;

    Collection<Identity> getIdentities(Transaction txn) throws DbException;

    /** Removes an identity and the contacts that belong to it. @throws NoSuchIdentityException if absent */
    void removeIdentity(Transaction txn, AuthorId id) throws DbException;

    /** Stores a group; does nothing if it is already stored. */
    void addGroup(Transaction txn, Group group) throws DbException;

    boolean containsGroup(Transaction txn, GroupId id) throws DbException;

    /** @throws NoSuchGroupException if there is none with this ID */
    Group getGroup(Transaction txn, GroupId id) throws DbException;

    /** Removes a group with its messages, metadata, visibilities and statuses. @throws NoSuchGroupException */
    void removeGroup(Transaction txn, GroupId id) throws DbException;

    /**
     * Stores a message of a stored group; does nothing if it is already stored.
     *
     * @param shared whether the message may be offered and sent to contacts the group is shared with
     * @param temporary whether the message may be deleted once it is no longer needed (e.g. when it has been read)
     * @throws NoSuchGroupException if its group is not stored
     */
    void addMessage(Transaction txn, Message message, MessageState state, boolean shared, boolean temporary)
            throws DbException;

    /** True for a stored message, also after {@link #deleteMessage} removed its content. */
    boolean containsMessage(Transaction txn, MessageId id) throws DbException;

    /**
     * The raw message (groupId || uint64 timestamp || body), or null if its content was deleted.
     *
     * @throws NoSuchMessageException if the message was never stored (or its group was removed)
     */
    byte[] getMessage(Transaction txn, MessageId id) throws DbException;

    /** @throws NoSuchMessageException if the message is not stored */
    MessageState getMessageState(Transaction txn, MessageId id) throws DbException;

    /** @throws NoSuchMessageException if the message is not stored */
    void setMessageState(Transaction txn, MessageId id, MessageState state) throws DbException;

    /**
     * Deletes a message's content but keeps its record (ID, group, timestamp, state), so it is still known, e.g. as
     * a dependency, and is not accepted again. @throws NoSuchMessageException if the message is not stored
     */
    void deleteMessage(Transaction txn, MessageId id) throws DbException;
}
