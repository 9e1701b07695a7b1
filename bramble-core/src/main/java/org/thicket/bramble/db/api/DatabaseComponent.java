package org.thicket.bramble.db.api;

import java.util.Collection;
import java.util.List;
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
import org.thicket.bramble.sync.api.Metadata;
import org.thicket.bramble.sync.api.Visibility;
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
     * Stores a message of a stored group; does nothing if it is already stored. A new message gets a status for
     * every contact its group is visible to (nothing sent, acked or seen yet); attaches a {@code MessageAddedEvent}
     * without a contact and, if shared, a {@code MessageSharedEvent}. Messages received from contacts are stored
     * with {@link #receiveMessage} instead.
     *
     * @param shared whether the message may be offered and sent to contacts the group is shared with
     * @param temporary whether the message may be deleted once it is no longer needed (e.g. when it has been read)
     * @return false if the message was stored already (it is then left as it was)
     * @throws NoSuchGroupException if its group is not stored
     */
    boolean addMessage(Transaction txn, Message message, MessageState state, boolean shared, boolean temporary)
            throws DbException;

    /**
     * As {@link #addMessage(Transaction, Message, MessageState, boolean, boolean)}, with the message's first metadata
     * written in the same step; a message stored already gets the metadata merged ({@link #mergeMessageMetadata}).
     */
    boolean addMessage(Transaction txn, Message message, MessageState state, Metadata metadata, boolean shared,
            boolean temporary) throws DbException;

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

    // ---- Sync: group visibility, message statuses, offers, metadata and dependencies (specs/bsp.md) ----
    // The events named below are in org.thicket.bramble.sync.api.

    /** How the group is synced with the contact; INVISIBLE for a contact or group that is not stored. */
    Visibility getGroupVisibility(Transaction txn, ContactId contactId, GroupId groupId) throws DbException;

    /**
     * Sets how the group is synced with the contact. Making it visible creates the contact's statuses of the
     * group's messages (nothing sent, acked or seen yet); making it invisible removes them. If the visibility
     * changed, attaches a {@code GroupVisibilityUpdatedEvent}.
     *
     * @throws NoSuchGroupException if the group is not stored
     * @throws DbException if the contact is not stored
     */
    void setGroupVisibility(Transaction txn, ContactId contactId, GroupId groupId, Visibility visibility)
            throws DbException;

    /**
     * Handles a message received from a contact. If its group is invisible to the contact, nothing happens and
     * this returns false. Otherwise the contact is known to have the message and is owed an ack
     * ({@code MessageToAckEvent}); if the message is new it is stored with state UNKNOWN, not shared and not
     * temporary, for validation to decide on, with statuses for every contact the group is visible to
     * ({@code MessageAddedEvent} naming the sender), and this returns true.
     */
    default boolean receiveMessage(Transaction txn, ContactId sender, Message message) throws DbException {
        return receiveMessage(txn, sender, message, true) == Receipt.STORED;
    }

    /**
     * As {@link #receiveMessage(Transaction, ContactId, Message)}, saying what it did; with {@code recordAck}
     * false the ack owed is not recorded (no flag, no event), for a caller that sends it itself: a duplex session,
     * on the same connection, once this transaction has committed.
     */
    Receipt receiveMessage(Transaction txn, ContactId sender, Message message, boolean recordAck)
            throws DbException;

    /**
     * Lets a stored message be offered and sent to the contacts its group is shared with; attaches a
     * {@code MessageSharedEvent} if it was not shared. @throws NoSuchMessageException if it is not stored
     */
    void setMessageShared(Transaction txn, MessageId id) throws DbException;

    // Outgoing: what to tell a contact.

    /** Up to {@code maxMessages} IDs we owe the contact an ack for, oldest first. */
    Collection<MessageId> getMessagesToAck(Transaction txn, ContactId contactId, int maxMessages) throws DbException;

    /** We sent acks for these messages. */
    void lowerAckFlag(Transaction txn, ContactId contactId, Collection<MessageId> ids) throws DbException;

    /**
     * Messages to send to the contact now: delivered, shared, in a group shared with the contact, not seen by it
     * and due (never sent, their retransmission time has passed, or last sent over a transport with a greater
     * maximum latency than {@code maxLatency}), oldest first, as many as fit in {@code maxLength} bytes of raw
     * messages. They are recorded as sent, as by {@link #updateRetransmission}.
     *
     * @param maxLatency the maximum latency in ms of the transport they will go over, 1 to
     *        {@code SyncConstants.MAX_TRANSPORT_LATENCY}
     */
    Collection<Message> getMessagesToSend(Transaction txn, ContactId contactId, int maxLength, long maxLatency)
            throws DbException;

    /**
     * Up to {@code maxMessages} IDs to offer to the contact: the messages {@link #getMessagesToSend} would send,
     * oldest first. Offering counts as a transmission for the retransmission time, without a
     * {@code MessagesSentEvent}.
     */
    Collection<MessageId> getMessagesToOffer(Transaction txn, ContactId contactId, int maxMessages, long maxLatency)
            throws DbException;

    /**
     * Messages the contact requested that may be sent to it, due or not, oldest first, as many as fit in
     * {@code maxLength} bytes; recorded as sent (which answers the request).
     */
    Collection<Message> getRequestedMessagesToSend(Transaction txn, ContactId contactId, int maxLength,
            long maxLatency) throws DbException;

    /**
     * The IDs of every message that may be sent to the contact and that it has not acked, due or not, oldest
     * first: what an eager simplex session (e.g. to a removable drive) sends. Records nothing; the session reads
     * each with {@link #getMessage} and then calls {@link #updateRetransmission}.
     */
    Collection<MessageId> getUnackedMessagesToSend(Transaction txn, ContactId contactId) throws DbException;

    /**
     * The IDs of the messages sent to the contact before that it has not acked, oldest first: those whose ack may
     * have been lost, which a duplex session offers when it opens. Records nothing.
     */
    Collection<MessageId> getSentUnackedMessages(Transaction txn, ContactId contactId) throws DbException;

    /** Whether the contact has the message: it acked it, or sent it to us. */
    boolean isSeenBy(Transaction txn, ContactId contactId, MessageId id) throws DbException;

    /**
     * Records that the messages went to the contact over a transport with this maximum latency: each is due again
     * at now + 2 * maxLatency * 2^txCount (the exponent capped at 20), then its transmission count goes up by one
     * and any request for it is answered. Attaches a {@code MessagesSentEvent} for those the contact has a status
     * for; the others are ignored.
     */
    void updateRetransmission(Transaction txn, ContactId contactId, Collection<MessageId> ids, long maxLatency)
            throws DbException;

    // Incoming: what a contact told us.

    /**
     * The contact has the message (it sent or offered it), so we owe it an ack and need not send it; attaches a
     * {@code MessageToAckEvent}. False, and nothing happens, if the message is not stored or its group is
     * invisible to the contact.
     */
    boolean raiseAckFlag(Transaction txn, ContactId contactId, MessageId id) throws DbException;

    /**
     * The contact acked these messages: they are marked seen by it and no longer offered or sent to it. IDs of
     * messages it has no status for (unknown, or the group is invisible to it) are ignored. Attaches a
     * {@code MessagesAckedEvent} with the others, if any, and returns them.
     */
    List<MessageId> setAckedBy(Transaction txn, ContactId contactId, Collection<MessageId> ids) throws DbException;

    /**
     * Stores an offer of a message we do not have, so it can be requested, and attaches a
     * {@code MessageToRequestEvent}. Returns false, storing nothing, if the contact already has
     * {@code SyncConstants.MAX_OFFERED_MESSAGES} offers stored; true otherwise (also
     * if this offer was stored before).
     */
    boolean addOfferedMessage(Transaction txn, ContactId contactId, MessageId id) throws DbException;

    /** Up to {@code maxMessages} IDs the contact offered that we still do not have. */
    Collection<MessageId> getMessagesToRequest(Transaction txn, ContactId contactId, int maxMessages)
            throws DbException;

    /** Forgets these offers from the contact, e.g. once they were requested. */
    void removeOfferedMessages(Transaction txn, ContactId contactId, Collection<MessageId> ids) throws DbException;

    /**
     * The contact requested the message: it will be sent regardless of its retransmission time, if it may be sent
     * at all. Attaches a {@code MessageRequestedEvent}. False, and nothing happens, if the contact has no status
     * for the message.
     */
    boolean raiseRequestedFlag(Transaction txn, ContactId contactId, MessageId id) throws DbException;

    // Metadata (BDF-encoded values under string keys) and dependencies, for validation and clients.

    /** @throws NoSuchGroupException if the group is not stored */
    Metadata getGroupMetadata(Transaction txn, GroupId id) throws DbException;

    /**
     * Writes every key of {@code update}, removing those with an empty value ({@link Metadata#withRemoved}).
     *
     * @throws NoSuchGroupException if the group is not stored
     */
    void mergeGroupMetadata(Transaction txn, GroupId id, Metadata update) throws DbException;

    /** @throws NoSuchMessageException if the message is not stored */
    Metadata getMessageMetadata(Transaction txn, MessageId id) throws DbException;

    /** As {@link #mergeGroupMetadata}. @throws NoSuchMessageException if the message is not stored */
    void mergeMessageMetadata(Transaction txn, MessageId id, Metadata update) throws DbException;

    /**
     * Merges as {@link #mergeMessageMetadata} only if the message is stored in the group and its metadata includes
     * every entry of {@code required}: a check and a write in the one query a merge needs anyway. Returns whether it
     * merged; false (nothing written) also for a message that is not stored.
     */
    boolean mergeMessageMetadataIf(Transaction txn, GroupId groupId, MessageId id, Metadata required, Metadata update)
            throws DbException;

    /** The metadata of the group's DELIVERED messages that have any. */
    Map<MessageId, Metadata> getMessageMetadata(Transaction txn, GroupId groupId) throws DbException;

    /** The IDs of the group's DELIVERED messages. */
    Collection<MessageId> getMessageIds(Transaction txn, GroupId groupId) throws DbException;

    /** The IDs of the group's DELIVERED messages whose metadata includes every entry of {@code query}. */
    Collection<MessageId> getMessageIds(Transaction txn, GroupId groupId, Metadata query) throws DbException;

    /**
     * Records that a stored message depends on these messages (which need not be stored yet). Does nothing for no
     * dependencies.
     *
     * @throws NoSuchMessageException if there are dependencies and the dependent message is not stored
     */
    void addMessageDependencies(Transaction txn, MessageId dependent, Collection<MessageId> dependencies)
            throws DbException;

    /**
     * The message's dependencies with their states: UNKNOWN for one not stored, INVALID for one stored in another
     * group (a message may depend only on messages of its own group).
     */
    Map<MessageId, MessageState> getMessageDependencies(Transaction txn, MessageId id) throws DbException;

    /** The messages of the same group that depend on this stored message, with their states. */
    Map<MessageId, MessageState> getMessageDependents(Transaction txn, MessageId id) throws DbException;

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

    /** Every pending contact, oldest first. */
    Collection<PendingContact> getPendingContacts(Transaction txn) throws DbException;

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

    // ---- Validation: messages by state, and dropping an invalid message's metadata (specs/bsp.md) ----

    /** The IDs of every stored message in this state, in any group, oldest first. */
    Collection<MessageId> getMessageIdsInState(Transaction txn, MessageState state) throws DbException;

    /** Removes every metadata key of a stored message. @throws NoSuchMessageException if it is not stored */
    void deleteMessageMetadata(Transaction txn, MessageId id) throws DbException;
}
