package org.thicket.bramble.transport;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.ContactRemovedEvent;
import org.thicket.bramble.contact.api.PendingContactId;
import org.thicket.bramble.crypto.api.KeyPair;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.crypto.api.Roles;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.event.api.EventListener;
import org.thicket.bramble.lifecycle.api.Service;
import org.thicket.bramble.lifecycle.api.ServiceException;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.stream.api.StreamContext;
import org.thicket.bramble.stream.api.TagEncoder;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.transport.api.KeyManager;
import org.thicket.bramble.transport.api.KeySetId;
import org.thicket.bramble.transport.api.RotationScheduler;
import org.thicket.bramble.transport.api.TransportCrypto;
import org.thicket.bramble.transport.api.TransportDescriptor;

/**
 * One {@link TransportKeyManager} per registered transport. As a service it stores the transports, brings their keys
 * to the current period and builds the tag tables when the app starts, then rotates each transport's keys at each
 * of its period boundaries. Between boundaries every call also rotates first if a boundary has passed unnoticed
 * (e.g. while the machine slept), so keys are never used in a stale period.
 */
@Singleton
final class KeyManagerImpl implements KeyManager, Service, EventListener {

    private static final Logger LOG = LoggerFactory.getLogger(KeyManagerImpl.class);

    private final DatabaseComponent db;
    private final TransportCrypto transportCrypto;
    private final ScheduledExecutorService scheduler;
    private final EventBus eventBus;
    private final Map<TransportId, TransportKeyManager> managers = new LinkedHashMap<>();
    private final Map<TransportId, ScheduledFuture<?>> rotations = new ConcurrentHashMap<>();

    private volatile boolean started;
    private volatile boolean stopped;

    @Inject
    KeyManagerImpl(DatabaseComponent db, TransportCrypto transportCrypto, TagEncoder tagEncoder, Clock clock,
            @RotationScheduler ScheduledExecutorService scheduler, EventBus eventBus,
            Set<TransportDescriptor> transports) {
        this.db = db;
        this.transportCrypto = transportCrypto;
        this.scheduler = scheduler;
        this.eventBus = eventBus;
        for (TransportDescriptor t : transports) {
            if (managers.put(t.id(), new TransportKeyManager(db, transportCrypto, tagEncoder, clock, t)) != null) {
                throw new IllegalArgumentException("Transport " + t.id().value() + " is registered twice");
            }
        }
    }

    @Override
    public void startService() throws ServiceException {
        try {
            db.transaction(false, txn -> {
                for (TransportKeyManager m : managers.values()) {
                    db.addTransport(txn, m.transport().id(), m.transport().maxLatencyMs());
                    m.start(txn);
                }
            });
        } catch (DbException e) {
            throw new ServiceException("Could not load the transport keys", e);
        }
        eventBus.addListener(this);
        started = true;
        managers.values().forEach(this::scheduleRotation);
    }

    @Override
    public void stopService() {
        stopped = true;
        eventBus.removeListener(this);
        rotations.values().forEach(f -> f.cancel(false));
    }

    /** Rotates the keys of every transport whose period has changed since they were last rotated. */
    void rotateKeys() throws DbException {
        for (TransportKeyManager m : managers.values()) rotate(m);
    }

    private void rotate(TransportKeyManager m) throws DbException {
        db.transaction(false, m::rotateIfDue);
    }

    private void scheduleRotation(TransportKeyManager m) {
        if (stopped) return;
        try {
            rotations.put(m.transport().id(),
                    scheduler.schedule(() -> rotateAndReschedule(m), m.millisUntilNextPeriod(), MILLISECONDS));
        } catch (RejectedExecutionException e) {
            LOG.debug("Not rescheduling key rotation: the scheduler has shut down");
        }
    }

    private void rotateAndReschedule(TransportKeyManager m) {
        try {
            rotate(m);
        } catch (DbException | RuntimeException e) {
            // The next call or boundary tries again.
            LOG.warn("Could not rotate the keys of {}", m.transport().id().value(), e);
        }
        scheduleRotation(m);
    }

    @Override
    public Map<TransportId, KeySetId> addRotationKeys(Transaction txn, ContactId c, SecretKey rootKey,
            long timestamp, boolean alice, boolean active) throws DbException {
        requireStarted();
        Map<TransportId, KeySetId> ids = new LinkedHashMap<>();
        for (TransportKeyManager m : managers.values()) {
            ids.put(m.transport().id(), m.addRotationKeys(txn, c, rootKey, timestamp, alice, active));
        }
        return ids;
    }

    @Override
    public Map<TransportId, KeySetId> addHandshakeKeys(Transaction txn, PendingContactId p,
            PublicKey theirHandshakePublicKey, KeyPair ourHandshakeKeyPair)
            throws DbException, GeneralSecurityException {
        requireStarted();
        boolean alice = Roles.isAlice(ourHandshakeKeyPair.publicKey().getEncoded(),
                theirHandshakePublicKey.getEncoded());
        SecretKey staticMasterKey = transportCrypto.deriveStaticMasterKey(theirHandshakePublicKey,
                ourHandshakeKeyPair);
        SecretKey rootKey = transportCrypto.deriveHandshakeRootKey(staticMasterKey, true);
        staticMasterKey.wipe();
        try {
            Map<TransportId, KeySetId> ids = new LinkedHashMap<>();
            for (TransportKeyManager m : managers.values()) {
                ids.put(m.transport().id(), m.addHandshakeKeys(txn, p, rootKey, alice));
            }
            return ids;
        } finally {
            rootKey.wipe();
        }
    }

    @Override
    public void activateKeys(Transaction txn, Map<TransportId, KeySetId> keys) throws DbException {
        for (Map.Entry<TransportId, KeySetId> e : keys.entrySet()) {
            db.setTransportKeysActive(txn, e.getKey(), e.getValue());
        }
    }

    @Override
    public StreamContext getStreamContext(ContactId c, TransportId t) throws DbException {
        TransportKeyManager m = managers.get(t);
        if (m == null) return null;
        return db.transactionWithResult(false, txn -> m.getStreamContext(txn, c));
    }

    @Override
    public StreamContext getStreamContext(PendingContactId p, TransportId t) throws DbException {
        TransportKeyManager m = managers.get(t);
        if (m == null) return null;
        return db.transactionWithResult(false, txn -> m.getStreamContext(txn, p));
    }

    @Override
    public StreamContext getStreamContext(TransportId t, byte[] tag) throws DbException {
        TransportKeyManager m = managers.get(t);
        if (m == null) return null;
        return db.transactionWithResult(false, txn -> m.getStreamContext(txn, tag));
    }

    /** Drops a removed contact's tags once the removal has committed. */
    @Override
    public void eventOccurred(Event e) {
        if (e instanceof ContactRemovedEvent removed) {
            managers.values().forEach(m -> m.removeContact(removed.contactId()));
        }
    }

    /** The manager of one transport, for tests. */
    TransportKeyManager manager(TransportId t) {
        return managers.get(t);
    }

    private void requireStarted() {
        if (!started) throw new IllegalStateException("The key manager has not started");
    }
}
