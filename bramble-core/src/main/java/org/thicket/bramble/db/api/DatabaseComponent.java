package org.thicket.bramble.db.api;

import java.util.Collection;
import java.util.Map;
import org.thicket.bramble.contact.api.Contact;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.PendingContact;
import org.thicket.bramble.contact.api.PendingContactId;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.identity.api.Author;
import org.thicket.bramble.identity.api.AuthorId;
import org.thicket.bramble.identity.api.Identity;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.settings.api.Settings;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.GroupId;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.transport.api.KeySetId;
import org.thicket.bramble.transport.api.TransportKeySet;
import org.thicket.bramble.transport.api.TransportKeys;

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

    // ---- Contacts and transport keys ----

    /**
     * Stores a contact of a local identity.
     *
     * @param handshakePublicKey the contact's X25519 handshake key, or null if unknown
     * @throws org.thicket.bramble.contact.api.ContactExistsException if the author is a contact of that identity
     * @throws NoSuchIdentityException if the local identity is not stored
     */
    ContactId addContact(Transaction txn, Author remote, AuthorId localAuthorId, PublicKey handshakePublicKey,
            boolean verified) throws DbException;

    boolean containsContact(Transaction txn, ContactId c) throws DbException;

    /** Whether the remote author is a contact of the local identity. */
    boolean containsContact(Transaction txn, AuthorId remote, AuthorId localAuthorId) throws DbException;

    /** @throws org.thicket.bramble.contact.api.NoSuchContactException if there is none with this ID */
    Contact getContact(Transaction txn, ContactId c) throws DbException;

    /** Every contact of every local identity, in the order they were added. */
    Collection<Contact> getContacts(Transaction txn) throws DbException;

    /** @param alias null to clear it. @throws org.thicket.bramble.contact.api.NoSuchContactException if absent */
    void setContactAlias(Transaction txn, ContactId c, String alias) throws DbException;

    /** @throws org.thicket.bramble.contact.api.NoSuchContactException if absent */
    void setContactVerified(Transaction txn, ContactId c, boolean verified) throws DbException;

    /**
     * Removes a contact with its transport keys, group visibilities, statuses and offers.
     *
     * @throws org.thicket.bramble.contact.api.NoSuchContactException if absent
     */
    void removeContact(Transaction txn, ContactId c) throws DbException;

    /** @throws org.thicket.bramble.contact.api.ContactExistsException if one with the same ID is stored */
    void addPendingContact(Transaction txn, PendingContact p) throws DbException;

    /**
     * Removes a pending contact with its handshake keys.
     *
     * @throws org.thicket.bramble.contact.api.NoSuchContactException if absent
     */
    void removePendingContact(Transaction txn, PendingContactId p) throws DbException;

    /** Stores a transport, or updates the latency of a stored one. */
    void addTransport(Transaction txn, TransportId t, long maxLatencyMs) throws DbException;

    /** Every stored transport with its latency in ms. */
    Map<TransportId, Long> getTransports(Transaction txn) throws DbException;

    /**
     * Stores a contact's keys for the keys' transport, which must be stored.
     *
     * @throws org.thicket.bramble.contact.api.NoSuchContactException if the contact is not stored
     */
    KeySetId addTransportKeys(Transaction txn, ContactId c, TransportKeys keys) throws DbException;

    /**
     * Stores a pending contact's handshake keys for the keys' transport, which must be stored.
     *
     * @throws org.thicket.bramble.contact.api.NoSuchContactException if the pending contact is not stored
     */
    KeySetId addTransportKeys(Transaction txn, PendingContactId p, TransportKeys keys) throws DbException;

    /** Every key set of the transport, in key-set order. */
    Collection<TransportKeySet> getTransportKeys(Transaction txn, TransportId t) throws DbException;

    /** One key set, or null if the transport has none with this ID (e.g. its contact was removed). */
    TransportKeySet getTransportKeySet(Transaction txn, TransportId t, KeySetId k) throws DbException;

    /** Stores a key set's keys, periods, windows, counter and active flag, e.g. after rotation. */
    void updateTransportKeys(Transaction txn, TransportKeySet keys) throws DbException;

    /** Adds one to the key set's stream counter and returns the value before: the stream number to use. */
    long incrementStreamCounter(Transaction txn, TransportId t, KeySetId k) throws DbException;

    /** Stores the reordering window of the key set's incoming keys of {@code timePeriod}. */
    void setReorderingWindow(Transaction txn, TransportId t, KeySetId k, long timePeriod, long base, int bitmap)
            throws DbException;

    /** Lets the key set's outgoing keys be used. */
    void setTransportKeysActive(Transaction txn, TransportId t, KeySetId k) throws DbException;

    void removeTransportKeys(Transaction txn, TransportId t, KeySetId k) throws DbException;
}
