package org.thicket.bramble.rendezvous;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import jakarta.inject.Inject;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.contact.api.PendingContact;
import org.thicket.bramble.contact.api.PendingContactId;
import org.thicket.bramble.contactexchange.api.ContactExchangeManager;
import org.thicket.bramble.crypto.api.KeyPair;
import org.thicket.bramble.crypto.api.Roles;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.event.api.EventListener;
import org.thicket.bramble.handshake.api.HandshakeManager;
import org.thicket.bramble.handshake.api.HandshakeResult;
import org.thicket.bramble.identity.api.IdentityManager;
import org.thicket.bramble.lifecycle.api.Service;
import org.thicket.bramble.plugin.api.ConnectionHandler;
import org.thicket.bramble.plugin.api.DuplexPlugin;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.IoExecutor;
import org.thicket.bramble.plugin.api.Plugin;
import org.thicket.bramble.plugin.api.PluginManager;
import org.thicket.bramble.plugin.api.PluginScheduler;
import org.thicket.bramble.plugin.api.RendezvousEndpoint;
import org.thicket.bramble.plugin.api.TransportActiveEvent;
import org.thicket.bramble.plugin.api.TransportConnectionReader;
import org.thicket.bramble.plugin.api.TransportConnectionWriter;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.api.TransportInactiveEvent;
import org.thicket.bramble.rendezvous.api.PendingContactAddedEvent;
import org.thicket.bramble.rendezvous.api.PendingContactRemovedEvent;
import org.thicket.bramble.rendezvous.api.PendingContactState;
import org.thicket.bramble.rendezvous.api.PendingContactStateChangedEvent;
import org.thicket.bramble.rendezvous.api.RendezvousConfig;
import org.thicket.bramble.rendezvous.api.RendezvousCrypto;
import org.thicket.bramble.system.api.Clock;

/**
 * Meets pending contacts (specs/brp.md). For each one it keeps a rendezvous endpoint on every active transport that
 * supports rendezvous, keyed from the two handshake keys; every polling interval it tries to connect to the
 * contact's endpoint on each, and it runs the handshake and then contact exchange on every connection made or
 * accepted. A pending contact not met within the timeout of adding its link becomes {@link PendingContactState#FAILED}
 * and its endpoints close. It also holds each pending contact's state, broadcasting every change.
 * <p>
 * Contact exchange is optional in the injector only so the core can be built before its implementation is bound;
 * without it, a successful handshake ends in a closed connection.
 */
final class RendezvousPoller implements Service, EventListener {

    private static final Logger LOG = LoggerFactory.getLogger(RendezvousPoller.class);
    /** When a new endpoint tries the peer's before the regular polls: 5, 15 and 30 s after it opened. */
    private static final List<Long> EARLY_ATTEMPTS_MS = List.of(5_000L, 15_000L, 30_000L);

    private final DatabaseComponent db;
    private final IdentityManager identityManager;
    private final PluginManager pluginManager;
    private final RendezvousCrypto rendezvousCrypto;
    private final HandshakeManager handshakeManager;
    private final ContactExchangeManager contactExchange;
    private final EventBus eventBus;
    private final Executor ioExecutor;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final RendezvousConfig config;

    private final Object lock = new Object();
    private final Map<PendingContactId, Session> sessions = new HashMap<>(); // guarded by lock
    private boolean running; // guarded by lock
    private Future<?> nextPoll; // guarded by lock
    private volatile KeyPair ourHandshakeKeyPair;

    @Inject
    RendezvousPoller(DatabaseComponent db, IdentityManager identityManager, PluginManager pluginManager,
            RendezvousCrypto rendezvousCrypto, HandshakeManager handshakeManager,
            ContactExchangeManager contactExchange, EventBus eventBus, @IoExecutor Executor ioExecutor,
            @PluginScheduler ScheduledExecutorService scheduler, Clock clock, RendezvousConfig config) {
        this.db = db;
        this.identityManager = identityManager;
        this.pluginManager = pluginManager;
        this.rendezvousCrypto = rendezvousCrypto;
        this.handshakeManager = handshakeManager;
        this.contactExchange = contactExchange;
        this.eventBus = eventBus;
        this.ioExecutor = ioExecutor;
        this.scheduler = scheduler;
        this.clock = clock;
        this.config = config;
    }

    /**
     * A session's connection attempt. {@code connection} is null while we are still dialling; an attempt replaced
     * by another is {@code cancelled}, and its connection is closed. Fields guarded by the poller's lock.
     */
    private static final class Attempt {
        final boolean dialledByUs;
        DuplexTransportConnection connection;
        boolean cancelled;

        Attempt(boolean dialledByUs, DuplexTransportConnection connection) {
            this.dialledByUs = dialledByUs;
            this.connection = connection;
        }
    }

    /** One pending contact's rendezvous. */
    private static final class Session {
        final PendingContact contact;
        final SecretKey rendezvousKey;
        final boolean alice;
        final Map<TransportId, RendezvousEndpoint> endpoints = new HashMap<>(); // guarded by the poller's lock
        PendingContactState state = PendingContactState.OFFLINE; // guarded by the poller's lock
        /** The one connection attempt this session runs, dial or handshake; null if none. Guarded by the lock. */
        Attempt attempt;

        Session(PendingContact contact, SecretKey rendezvousKey, boolean alice) {
            this.contact = contact;
            this.rendezvousKey = rendezvousKey;
            this.alice = alice;
        }
    }

    @Override
    public void startService() {
        eventBus.addListener(this);
        Collection<PendingContact> pending;
        try {
            pending = db.transactionWithResult(true, txn -> {
                ourHandshakeKeyPair = identityManager.getIdentity(txn).handshakeKeyPair();
                return db.getPendingContacts(txn);
            });
        } catch (DbException e) {
            LOG.warn("Could not load the pending contacts; no rendezvous until restart", e);
            return;
        }
        synchronized (lock) {
            running = true;
            schedulePoll();
        }
        // Opening endpoints may block (Tor publishes an onion service): not on the starting thread.
        pending.forEach(p -> ioExecutor.execute(() -> addSession(p)));
    }

    @Override
    public void stopService() {
        eventBus.removeListener(this);
        List<Session> stopped;
        synchronized (lock) {
            running = false;
            if (nextPoll != null) nextPoll.cancel(false);
            stopped = new ArrayList<>(sessions.values());
            sessions.clear();
        }
        stopped.forEach(this::closeSession);
    }

    @Override
    public void eventOccurred(Event e) {
        if (e instanceof PendingContactAddedEvent added) {
            ioExecutor.execute(() -> addSession(added.pendingContact()));
        } else if (e instanceof PendingContactRemovedEvent removed) {
            removeSession(removed.pendingContactId());
        } else if (e instanceof TransportActiveEvent active) {
            ioExecutor.execute(() -> transportActive(active.transportId()));
        } else if (e instanceof TransportInactiveEvent inactive) {
            transportInactive(inactive.transportId());
        }
    }

    /** The state of a pending contact; one the poller has not taken up yet is offline, or failed if too old. */
    PendingContactState getState(PendingContact p) {
        synchronized (lock) {
            Session s = sessions.get(p.id());
            if (s != null) return s.state;
        }
        return isExpired(p) ? PendingContactState.FAILED : PendingContactState.OFFLINE;
    }

    private boolean isExpired(PendingContact p) {
        return clock.currentTimeMillis() - p.timestamp() >= config.timeoutMs();
    }

    private void addSession(PendingContact p) {
        KeyPair ours = ourHandshakeKeyPair;
        if (ours == null) return;
        Session s;
        try {
            s = new Session(p, rendezvousCrypto.deriveRendezvousKey(p.publicKey(), ours),
                    Roles.isAlice(ours.publicKey().getEncoded(), p.publicKey().getEncoded()));
        } catch (GeneralSecurityException e) {
            // Adding the link checked the key, so this is a stored key gone bad.
            LOG.warn("Pending contact {} has an unusable key", p.id());
            return;
        }
        synchronized (lock) {
            if (!running || sessions.containsKey(p.id())) {
                s.rendezvousKey.wipe();
                return;
            }
            sessions.put(p.id(), s);
        }
        if (isExpired(p)) {
            fail(s);
            return;
        }
        for (DuplexPlugin plugin : pluginManager.getDuplexPlugins()) {
            if (canRendezvous(plugin)) openEndpoint(s, plugin);
        }
        updateIdleState(s);
    }

    private static boolean canRendezvous(Plugin plugin) {
        return plugin instanceof DuplexPlugin duplex && duplex.supportsRendezvous()
                && plugin.getState() == Plugin.State.ACTIVE;
    }

    private void openEndpoint(Session s, DuplexPlugin plugin) {
        TransportId t = plugin.getId();
        synchronized (lock) {
            if (!isLive(s) || s.endpoints.containsKey(t)) return;
        }
        RendezvousEndpoint endpoint = plugin.createRendezvousEndpoint(
                rendezvousCrypto.createKeyMaterialSource(s.rendezvousKey, t), s.alice, handlerFor(s, t));
        if (endpoint == null) return;
        synchronized (lock) {
            if (isLive(s) && !s.endpoints.containsKey(t)) {
                s.endpoints.put(t, endpoint);
                scheduleEarlyAttempts(s, t, endpoint);
                return;
            }
        }
        closeEndpoint(endpoint);
    }

    /**
     * Two people swapping links usually add them within a minute of each other, and the peer's endpoint (e.g. its
     * onion service) appears some seconds after it adds ours: a few early attempts find it then, instead of at the
     * next minute's poll. Attempts shorter than the polling interval only.
     */
    private void scheduleEarlyAttempts(Session s, TransportId t, RendezvousEndpoint endpoint) {
        for (long delayMs : EARLY_ATTEMPTS_MS) {
            if (delayMs >= config.pollingIntervalMs()) return;
            scheduler.schedule(() -> ioExecutor.execute(() -> reachIfIdle(s, t, endpoint)), delayMs, MILLISECONDS);
        }
    }

    private void reachIfIdle(Session s, TransportId t, RendezvousEndpoint endpoint) {
        synchronized (lock) {
            if (!running || !isLive(s) || s.attempt != null || s.endpoints.get(t) != endpoint) return;
        }
        reach(s, t, endpoint);
    }

    /** Whether the session is still the pending contact's and has not failed. */
    private boolean isLive(Session s) {
        return sessions.get(s.contact.id()) == s && s.state != PendingContactState.FAILED;
    }

    private ConnectionHandler handlerFor(Session s, TransportId t) {
        return new ConnectionHandler() {
            @Override
            public void handleConnection(DuplexTransportConnection connection) {
                ioExecutor.execute(() -> accept(s, t, connection));
            }

            @Override
            public void handleReader(TransportConnectionReader reader) {
                dispose(() -> reader.dispose(true, false));
            }

            @Override
            public void handleWriter(TransportConnectionWriter writer) {
                dispose(() -> writer.dispose(true));
            }
        };
    }

    private void transportActive(TransportId t) {
        Plugin plugin = pluginManager.getPlugin(t);
        if (!canRendezvous(plugin)) return;
        List<Session> live;
        synchronized (lock) {
            live = sessions.values().stream().filter(this::isLive).toList();
        }
        for (Session s : live) {
            openEndpoint(s, (DuplexPlugin) plugin);
            updateIdleState(s);
        }
    }

    private void transportInactive(TransportId t) {
        List<Session> affected = new ArrayList<>();
        List<RendezvousEndpoint> closed = new ArrayList<>();
        synchronized (lock) {
            for (Session s : sessions.values()) {
                RendezvousEndpoint endpoint = s.endpoints.remove(t);
                if (endpoint == null) continue;
                closed.add(endpoint);
                affected.add(s);
            }
        }
        closed.forEach(this::closeEndpoint);
        affected.forEach(this::updateIdleState);
    }

    private void schedulePoll() {
        nextPoll = scheduler.schedule(() -> ioExecutor.execute(this::poll), config.pollingIntervalMs(), MILLISECONDS);
    }

    /**
     * Fails the pending contacts that are too old and tries to reach the others, unless already connected, at each
     * of their endpoints.
     */
    private void poll() {
        List<Session> live;
        synchronized (lock) {
            if (!running) return;
            schedulePoll();
            live = sessions.values().stream().filter(this::isLive).toList();
        }
        for (Session s : live) {
            if (isExpired(s.contact)) {
                fail(s);
                continue;
            }
            Map<TransportId, RendezvousEndpoint> endpoints;
            synchronized (lock) {
                // While a connection runs, another would only race it to the same contact.
                if (s.attempt != null) continue;
                endpoints = Map.copyOf(s.endpoints);
            }
            endpoints.forEach((t, endpoint) -> ioExecutor.execute(() -> reach(s, t, endpoint)));
        }
    }

    /** Dials the contact's endpoint, unless an attempt already runs; then runs the handshake on the connection. */
    private void reach(Session s, TransportId t, RendezvousEndpoint endpoint) {
        if (!(pluginManager.getPlugin(t) instanceof DuplexPlugin plugin)) return;
        Attempt attempt = new Attempt(true, null);
        synchronized (lock) {
            if (!isLive(s) || s.attempt != null) return;
            s.attempt = attempt;
        }
        DuplexTransportConnection connection = plugin.createConnection(endpoint.getRemoteTransportProperties());
        boolean cancelled;
        synchronized (lock) {
            attempt.connection = connection;
            cancelled = attempt.cancelled;
        }
        if (connection == null || cancelled) {
            if (connection != null) dispose(() -> connection.close(false));
            attemptEnded(s, attempt);
            return;
        }
        run(s, t, attempt);
    }

    /**
     * Runs the handshake on a connection the contact dialled. Each side runs at most one attempt per pending contact,
     * so that both add the contact from the same connection: two connections would each bring their own master key,
     * and the contact would end up with different keys on each side. When both dialled at once, the connection that
     * Alice dialled is kept on both sides (specs/brp.md section 5): Alice refuses Bob's, Bob drops his own for hers.
     */
    private void accept(Session s, TransportId t, DuplexTransportConnection connection) {
        Attempt attempt = new Attempt(false, connection);
        DuplexTransportConnection replaced = null;
        synchronized (lock) {
            Attempt current = s.attempt;
            // Only Bob gives way, and only his own dial: hers is the one both sides keep.
            boolean mayTakeOver = current == null || (current.dialledByUs && !s.alice);
            if (!isLive(s) || !mayTakeOver) {
                attempt = null;
            } else {
                if (current != null) {
                    current.cancelled = true;
                    replaced = current.connection;
                }
                s.attempt = attempt;
            }
        }
        if (replaced != null) {
            DuplexTransportConnection ours = replaced;
            dispose(() -> ours.close(true));
        }
        if (attempt == null) {
            LOG.info("Pending contact {}: refusing a second connection while one runs", s.contact.id());
            dispose(() -> connection.close(true));
            return;
        }
        run(s, t, attempt);
    }

    /** The handshake and contact exchange on the attempt's connection. */
    private void run(Session s, TransportId t, Attempt attempt) {
        DuplexTransportConnection connection = attempt.connection;
        setState(s, PendingContactState.CONNECTING);
        PendingContactId p = s.contact.id();
        try {
            HandshakeResult result = handshakeManager.handshake(p, t, connection);
            if (isCancelled(attempt)) {
                // Replaced by the connection Alice dialled while the handshake ran: this one must not add the contact.
                result.masterKey().wipe();
                throw new IOException("Replaced by the connection the contact dialled");
            }
            setState(s, PendingContactState.ADDING_CONTACT);
            exchangeContacts(p, t, connection, result);
            LOG.info("Pending contact {} is now a contact", p);
            removeSession(p);
        } catch (IOException | DbException | RuntimeException e) {
            LOG.info("Could not add pending contact {} over {}: {}", p, t.value(), e.getMessage());
            dispose(() -> connection.close(true));
            attemptEnded(s, attempt);
        }
    }

    private boolean isCancelled(Attempt attempt) {
        synchronized (lock) {
            return attempt.cancelled;
        }
    }

    /** Frees the session's slot if the attempt still holds it. */
    private void attemptEnded(Session s, Attempt attempt) {
        synchronized (lock) {
            if (s.attempt == attempt) s.attempt = null;
        }
        updateIdleState(s);
    }

    private void exchangeContacts(PendingContactId p, TransportId t, DuplexTransportConnection connection,
            HandshakeResult result) throws IOException, DbException {
        contactExchange.exchangeContacts(p, t, connection, result.masterKey(), result.alice(), false);
    }

    private void fail(Session s) {
        List<RendezvousEndpoint> closed;
        synchronized (lock) {
            closed = new ArrayList<>(s.endpoints.values());
            s.endpoints.clear();
        }
        closed.forEach(this::closeEndpoint);
        LOG.info("Pending contact {} was not met in time", s.contact.id());
        setState(s, PendingContactState.FAILED);
    }

    /** Unless a connection is running, the state follows the endpoints. */
    private void updateIdleState(Session s) {
        PendingContactState idle;
        synchronized (lock) {
            if (s.attempt != null || s.state == PendingContactState.FAILED) return;
            idle = s.endpoints.isEmpty() ? PendingContactState.OFFLINE : PendingContactState.WAITING_FOR_CONNECTION;
        }
        if (isExpired(s.contact)) fail(s);
        else setState(s, idle);
    }

    private void setState(Session s, PendingContactState state) {
        synchronized (lock) {
            if (s.state == state || s.state == PendingContactState.FAILED) return;
            s.state = state;
        }
        eventBus.broadcast(new PendingContactStateChangedEvent(s.contact.id(), state));
    }

    private void removeSession(PendingContactId p) {
        Session s;
        synchronized (lock) {
            s = sessions.remove(p);
        }
        if (s != null) closeSession(s);
    }

    private void closeSession(Session s) {
        List<RendezvousEndpoint> closed;
        synchronized (lock) {
            closed = new ArrayList<>(s.endpoints.values());
            s.endpoints.clear();
        }
        closed.forEach(this::closeEndpoint);
        s.rendezvousKey.wipe();
    }

    private void closeEndpoint(RendezvousEndpoint endpoint) {
        dispose(endpoint::close);
    }

    @FunctionalInterface
    private interface Disposal {
        void run() throws IOException;
    }

    private static void dispose(Disposal disposal) {
        try {
            disposal.run();
        } catch (IOException e) {
            LOG.debug("Could not release a rendezvous resource", e);
        }
    }
}
