package org.thicket.bramble.transport.api;

import java.security.GeneralSecurityException;
import java.util.Map;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.PendingContactId;
import org.thicket.bramble.crypto.api.KeyPair;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.stream.api.StreamContext;

/**
 * Transport keys for every registered transport (the multibound {@link TransportDescriptor}s): adds them, rotates
 * them at period boundaries, hands out stream numbers for outgoing streams and recognises incoming streams by their
 * tags. Thread-safe. The methods without a {@link Transaction} run and commit their own, so they must not be
 * called by a thread that holds one; when they return, what they did is durable.
 */
public interface KeyManager {

    /**
     * Derives and stores rotation-mode keys for the contact on every transport (specs/transport-keys.md). The root
     * key is not kept; the caller wipes it.
     *
     * @param timestamp the contact-exchange timestamp; its period is the keys' first
     * @param active whether outgoing streams may use the keys at once, or only after the contact's first stream
     * @throws IllegalStateException if the key manager has not started
     */
    Map<TransportId, KeySetId> addRotationKeys(Transaction txn, ContactId c, SecretKey rootKey, long timestamp,
            boolean alice, boolean active) throws DbException;

    /**
     * Derives and stores handshake-mode keys for a pending contact on every transport, from the static master key
     * of our and their handshake keys. The keys are active.
     *
     * @throws GeneralSecurityException if their key is not a usable X25519 key
     * @throws IllegalStateException if the key manager has not started
     */
    Map<TransportId, KeySetId> addHandshakeKeys(Transaction txn, PendingContactId p,
            PublicKey theirHandshakePublicKey, KeyPair ourHandshakeKeyPair)
            throws DbException, GeneralSecurityException;

    /** Lets outgoing streams use keys that were added inactive. */
    void activateKeys(Transaction txn, Map<TransportId, KeySetId> keys) throws DbException;

    /**
     * A context for a new stream to the contact: the current outgoing keys of its newest active key set (rotation
     * mode before handshake mode) and a stream number that is never handed out again, even after a crash.
     *
     * @return null if the contact has no active keys on the transport, they are used up, or the transport is not
     *         registered
     */
    StreamContext getStreamContext(ContactId c, TransportId t) throws DbException;

    /** As {@link #getStreamContext(ContactId, TransportId)}, for a handshake-mode stream to a pending contact. */
    StreamContext getStreamContext(PendingContactId p, TransportId t) throws DbException;

    /**
     * Recognises an incoming stream by its 16-byte tag and marks its stream number seen, so the same tag is never
     * accepted again. Recognising a stream activates the outgoing keys of its key set.
     *
     * @return the context to read the stream with, or null if the tag is not expected (unknown, replayed, or the
     *         transport is not registered)
     */
    StreamContext getStreamContext(TransportId t, byte[] tag) throws DbException;
}
