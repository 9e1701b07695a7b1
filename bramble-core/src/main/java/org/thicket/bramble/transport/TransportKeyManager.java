package org.thicket.bramble.transport;

import static org.thicket.bramble.stream.api.StreamConstants.PROTOCOL_VERSION;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.PendingContactId;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.stream.api.StreamContext;
import org.thicket.bramble.stream.api.TagEncoder;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.transport.api.IncomingKeys;
import org.thicket.bramble.transport.api.KeySetId;
import org.thicket.bramble.transport.api.OutgoingKeys;
import org.thicket.bramble.transport.api.TransportCrypto;
import org.thicket.bramble.transport.api.TransportDescriptor;
import org.thicket.bramble.transport.api.TransportKeySet;
import org.thicket.bramble.transport.api.TransportKeys;
import org.thicket.bramble.util.Bytes;

/**
 * The keys of one transport. The database is the truth: every operation reads the key sets it needs in the
 * caller's read-write transaction and writes its changes there. In memory there is only the tag table, an index
 * from the tag of every unseen stream number in every incoming window to where that number lives. A hit is checked
 * against the stored window before it counts, so a stale entry (say, left by a transaction that rolled back) can
 * never let a stream in twice; at worst it misses, until the next rotation rebuilds the table from the database.
 * <p>
 * Locking: every method that touches the table runs inside a database transaction and takes {@link #lock} after
 * the database lock, never before, so the two cannot deadlock.
 */
final class TransportKeyManager {

    private static final Logger LOG = LoggerFactory.getLogger(TransportKeyManager.class);

    /** Rotation-mode keys before handshake-mode keys, then the newest key set. */
    private static final Comparator<TransportKeySet> PREFERENCE = Comparator
            .comparing((TransportKeySet s) -> !s.keys().isHandshakeMode())
            .thenComparingInt(s -> s.keySetId().value());

    /** Where an expected tag's stream number lives. {@code contactId} is null for a pending contact's keys. */
    private record TagContext(KeySetId keySetId, ContactId contactId, long timePeriod, long streamNumber) {
    }

    private final DatabaseComponent db;
    private final TransportCrypto transportCrypto;
    private final TagEncoder tagEncoder;
    private final Clock clock;
    private final TransportDescriptor transport;

    private final Object lock = new Object();
    // Guarded by lock.
    private final Map<Tag, TagContext> tags = new HashMap<>();
    // Guarded by lock: the period the stored keys were last brought up to and the table built for.
    private long rotatedTo = -1;

    TransportKeyManager(DatabaseComponent db, TransportCrypto transportCrypto, TagEncoder tagEncoder, Clock clock,
            TransportDescriptor transport) {
        this.db = db;
        this.transportCrypto = transportCrypto;
        this.tagEncoder = tagEncoder;
        this.clock = clock;
        this.transport = transport;
    }

    TransportDescriptor transport() {
        return transport;
    }

    /** How long until the next period begins; at least 1 ms. */
    long millisUntilNextPeriod() {
        long length = transport.periodLengthMs();
        return length - clock.currentTimeMillis() % length;
    }

    /** Brings every stored key set to the current period and builds the tag table afresh. */
    void start(Transaction txn) throws DbException {
        synchronized (lock) {
            rotate(txn, currentPeriod());
        }
    }

    /** Rotates the stored keys if a new period has begun since they were last rotated. */
    void rotateIfDue(Transaction txn) throws DbException {
        synchronized (lock) {
            long period = currentPeriod();
            if (period > rotatedTo) rotate(txn, period);
        }
    }

    private void rotate(Transaction txn, long period) throws DbException {
        tags.clear();
        for (TransportKeySet set : db.getTransportKeys(txn, transportId())) {
            long storedPeriod = set.keys().timePeriod();
            TransportKeySet updated = set.withKeys(transportCrypto.updateTransportKeys(set.keys(), period));
            if (updated.keys().timePeriod() != storedPeriod) db.updateTransportKeys(txn, updated);
            addTags(updated);
            updated.keys().wipe();
        }
        rotatedTo = period;
        LOG.debug("Keys of {} rotated to period {}; {} tags expected", transportId().value(), period, tags.size());
    }

    KeySetId addRotationKeys(Transaction txn, ContactId c, SecretKey rootKey, long timestamp, boolean alice,
            boolean active) throws DbException {
        TransportKeys first = transportCrypto.deriveRotationKeys(transportId(), rootKey,
                transport.timePeriod(timestamp), alice, active);
        TransportKeys keys = transportCrypto.updateTransportKeys(first, currentPeriod());
        try {
            KeySetId id = db.addTransportKeys(txn, c, keys);
            synchronized (lock) {
                addTags(new TransportKeySet(id, c, null, keys));
            }
            return id;
        } finally {
            keys.wipe();
        }
    }

    KeySetId addHandshakeKeys(Transaction txn, PendingContactId p, SecretKey rootKey, boolean alice)
            throws DbException {
        TransportKeys keys = transportCrypto.deriveHandshakeKeys(transportId(), rootKey, currentPeriod(), alice);
        try {
            KeySetId id = db.addTransportKeys(txn, p, keys);
            synchronized (lock) {
                addTags(new TransportKeySet(id, null, p, keys));
            }
            return id;
        } finally {
            keys.wipe();
        }
    }

    StreamContext getStreamContext(Transaction txn, ContactId c) throws DbException {
        return outgoing(txn, set -> c.equals(set.contactId()));
    }

    StreamContext getStreamContext(Transaction txn, PendingContactId p) throws DbException {
        return outgoing(txn, set -> p.equals(set.pendingContactId()));
    }

    /** Allocates the next stream number of the preferred active key set the predicate selects, in {@code txn}. */
    private StreamContext outgoing(Transaction txn, Predicate<TransportKeySet> owned) throws DbException {
        rotateIfDue(txn);
        Collection<TransportKeySet> sets = db.getTransportKeys(txn, transportId());
        try {
            TransportKeySet chosen = sets.stream().filter(owned).filter(s -> s.keys().currentOutgoing().active())
                    .max(PREFERENCE).orElse(null);
            if (chosen == null) return null;
            OutgoingKeys out = chosen.keys().currentOutgoing();
            if (out.isExhausted()) {
                LOG.warn("Key set {} of {} has used up its stream numbers for this period",
                        chosen.keySetId().value(), transportId().value());
                return null;
            }
            long streamNumber = db.incrementStreamCounter(txn, transportId(), chosen.keySetId());
            return streamContext(chosen, out.tagKey(), out.headerKey(), streamNumber);
        } finally {
            sets.forEach(s -> s.keys().wipe());
        }
    }

    /**
     * Looks the tag up; on a hit, marks its stream number seen in the stored window, moves the tag table along with
     * the window and activates the key set's outgoing keys, all in {@code txn}.
     */
    StreamContext getStreamContext(Transaction txn, byte[] tagBytes) throws DbException {
        Tag tag = new Tag(tagBytes);
        rotateIfDue(txn);
        synchronized (lock) {
            TagContext context = tags.get(tag);
            if (context == null) return null;
            TransportKeySet set = db.getTransportKeySet(txn, transportId(), context.keySetId());
            if (set == null) {
                tags.values().removeIf(t -> t.keySetId().equals(context.keySetId()));
                return null;
            }
            try {
                return recognise(txn, tag, context, set);
            } finally {
                set.keys().wipe();
            }
        }
    }

    private StreamContext recognise(Transaction txn, Tag tag, TagContext context, TransportKeySet set)
            throws DbException {
        IncomingKeys in = set.keys().incomingKeys(context.timePeriod());
        ReorderingWindow window = in == null ? null : new ReorderingWindow(in.windowBase(), in.windowBitmap());
        if (window == null || !window.isUnseen(context.streamNumber())) {
            tags.remove(tag);
            return null;
        }
        ReorderingWindow.Change change = window.markSeen(context.streamNumber());
        db.setReorderingWindow(txn, transportId(), set.keySetId(), in.timePeriod(), change.window().base(),
                change.window().bitmap());
        for (long n : change.removed()) tags.remove(tag(in.tagKey(), n));
        for (long n : change.added()) tags.put(tag(in.tagKey(), n), tagContext(set, in, n));
        if (!set.keys().currentOutgoing().active()) db.setTransportKeysActive(txn, transportId(), set.keySetId());
        return streamContext(set, in.tagKey(), in.headerKey(), context.streamNumber());
    }

    /** Forgets the removed contact's tags; its keys went with it from the database. */
    void removeContact(ContactId c) {
        synchronized (lock) {
            tags.values().removeIf(t -> c.equals(t.contactId()));
        }
    }

    /** The number of expected tags, for tests. */
    int tagCount() {
        synchronized (lock) {
            return tags.size();
        }
    }

    private TransportId transportId() {
        return transport.id();
    }

    private long currentPeriod() {
        return transport.timePeriod(clock.currentTimeMillis());
    }

    private void addTags(TransportKeySet set) {
        TransportKeys k = set.keys();
        for (IncomingKeys in : new IncomingKeys[] {k.previousIncoming(), k.currentIncoming(), k.nextIncoming()}) {
            for (long n : new ReorderingWindow(in.windowBase(), in.windowBitmap()).unseen()) {
                tags.put(tag(in.tagKey(), n), tagContext(set, in, n));
            }
        }
    }

    private Tag tag(SecretKey tagKey, long streamNumber) {
        return new Tag(tagEncoder.encodeTag(tagKey, PROTOCOL_VERSION, streamNumber));
    }

    private static TagContext tagContext(TransportKeySet set, IncomingKeys in, long streamNumber) {
        return new TagContext(set.keySetId(), set.contactId(), in.timePeriod(), streamNumber);
    }

    /** The stream's context, with copies of the keys: the caller's copies outlive the key set's, which are wiped. */
    private StreamContext streamContext(TransportKeySet set, SecretKey tagKey, SecretKey headerKey,
            long streamNumber) {
        return new StreamContext(set.contactId(), set.pendingContactId(), transportId(), copy(tagKey),
                copy(headerKey), streamNumber, set.keys().isHandshakeMode());
    }

    private static SecretKey copy(SecretKey key) {
        byte[] bytes = key.getBytes();
        try {
            return new SecretKey(bytes);
        } finally {
            Bytes.wipe(bytes);
        }
    }
}
