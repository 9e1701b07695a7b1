package org.thicket.bramble.plugin;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.connection.api.ConnectionClosedEvent;
import org.thicket.bramble.connection.api.ConnectionManager;
import org.thicket.bramble.connection.api.ConnectionOpenedEvent;
import org.thicket.bramble.connection.api.ConnectionRegistry;
import org.thicket.bramble.contact.api.ContactAddedEvent;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.event.api.EventListener;
import org.thicket.bramble.lifecycle.api.Service;
import org.thicket.bramble.plugin.api.ConnectionHandler;
import org.thicket.bramble.plugin.api.DuplexPlugin;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.IoExecutor;
import org.thicket.bramble.plugin.api.Plugin;
import org.thicket.bramble.plugin.api.PluginManager;
import org.thicket.bramble.plugin.api.PluginScheduler;
import org.thicket.bramble.plugin.api.PollTarget;
import org.thicket.bramble.plugin.api.SimplexPlugin;
import org.thicket.bramble.plugin.api.TransportActiveEvent;
import org.thicket.bramble.plugin.api.TransportConnectionReader;
import org.thicket.bramble.plugin.api.TransportConnectionWriter;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.api.TransportInactiveEvent;
import org.thicket.bramble.plugin.api.TransportProperties;
import org.thicket.bramble.plugin.api.TransportPropertyStore;
import org.thicket.bramble.properties.api.RemoteTransportPropertiesUpdatedEvent;
import org.thicket.bramble.system.api.Clock;

/**
 * Reaches out to contacts over the active transports that poll ({@link Plugin#shouldPoll}): each such transport is
 * polled at its plugin's interval, at once when it becomes active, and sooner when a connection opens or closes (the
 * plugin's backoff then usually falls back to its minimum). A transport has at most one poll scheduled, the
 * earliest asked for. A new contact is tried at once on every such transport, and again on the duplex ones
 * {@link #NEW_CONTACT_RETRIES_MS} later while it is not connected; a contact whose properties for a transport changed
 * is tried at once on that transport, and a contact left without a connection (or whose simplex stream failed) is
 * tried again {@link #RECONNECT_DELAY_MS} later. Contacts connected over the transport, or over one preferred to it,
 * are skipped.
 * <p>
 * The reactions are methods, called by {@link #eventOccurred} for the events that trigger them.
 */
final class Poller implements EventListener, Service {

    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);

    /**
     * When a new contact is tried again after the attempt at once. The first attempt often comes too early: the
     * contact's end may still be finishing the exchange, or (Tor) tor has not yet fetched the onion's descriptor, and
     * the next poll can be minutes away while the user waits to write.
     */
    static final List<Long> NEW_CONTACT_RETRIES_MS = List.of(5_000L, 15_000L, 30_000L);

    /**
     * When a connection ended and left the contact without a duplex one over its transport (or a simplex stream we
     * wrote failed), the contact is tried again this much later rather than at the next poll: both devices may have
     * closed what each thought the other kept (specs/connections.md, races), or the connection broke. Never at once:
     * a peer that refuses every stream (one that removed us, or whose keys differ) would make us dial in a loop.
     */
    static final long RECONNECT_DELAY_MS = 5_000;

    private final PluginManager pluginManager;
    private final ConnectionManager connectionManager;
    private final ConnectionRegistry connectionRegistry;
    private final TransportPropertyStore propertyStore;
    private final EventBus eventBus;
    private final Executor ioExecutor;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;

    private final Object lock = new Object();
    private final Map<TransportId, ScheduledPoll> scheduled = new HashMap<>(); // guarded by lock
    private final List<Future<?>> retries = new ArrayList<>(); // guarded by lock

    @Inject
    Poller(PluginManager pluginManager, ConnectionManager connectionManager, ConnectionRegistry connectionRegistry,
            TransportPropertyStore propertyStore, EventBus eventBus, @IoExecutor Executor ioExecutor,
            @PluginScheduler ScheduledExecutorService scheduler, Clock clock) {
        this.pluginManager = pluginManager;
        this.connectionManager = connectionManager;
        this.connectionRegistry = connectionRegistry;
        this.propertyStore = propertyStore;
        this.eventBus = eventBus;
        this.ioExecutor = ioExecutor;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** A poll due at a clock time; compared by identity, so a replaced poll can tell it was replaced. */
    private static final class ScheduledPoll {
        final long dueMs;
        Future<?> future; // guarded by the poller's lock

        ScheduledPoll(long dueMs) {
            this.dueMs = dueMs;
        }
    }

    @Override
    public void startService() {
        eventBus.addListener(this);
    }

    @Override
    public void stopService() {
        eventBus.removeListener(this);
        synchronized (lock) {
            scheduled.values().forEach(poll -> poll.future.cancel(false));
            scheduled.clear();
            retries.forEach(retry -> retry.cancel(false));
            retries.clear();
        }
    }

    @Override
    public void eventOccurred(Event e) {
        if (e instanceof TransportActiveEvent active) {
            transportActive(active.transportId());
        } else if (e instanceof ContactAddedEvent added) {
            contactAdded(added.contactId());
        } else if (e instanceof TransportInactiveEvent inactive) {
            transportInactive(inactive.transportId());
        } else if (e instanceof ConnectionOpenedEvent opened) {
            connectionOpened(opened.transportId());
        } else if (e instanceof ConnectionClosedEvent closed) {
            connectionClosed(closed.contactId(), closed.transportId(), closed.incoming(), closed.exception());
        } else if (e instanceof RemoteTransportPropertiesUpdatedEvent updated) {
            remotePropertiesUpdated(updated.contactId(), updated.transportId());
        }
    }

    void contactAdded(ContactId contactId) {
        Stream.concat(pluginManager.getDuplexPlugins().stream(), pluginManager.getSimplexPlugins().stream())
                .forEach(plugin -> connectToContact(contactId, plugin));
        // Duplex only: a simplex attempt writes a stream, and the contact needs one, not four.
        for (long delay : NEW_CONTACT_RETRIES_MS) {
            retryLater(delay, () -> pluginManager.getDuplexPlugins().forEach(p -> connectToContact(contactId, p)));
        }
    }

    private void retryLater(long delayMs, Runnable retry) {
        synchronized (lock) {
            retries.removeIf(Future::isDone);
            try {
                retries.add(scheduler.schedule(retry, delayMs, MILLISECONDS));
            } catch (RejectedExecutionException e) {
                LOG.debug("Not retrying a contact while stopping");
            }
        }
    }

    /** The contact may be reachable at its new properties: try it there at once. */
    void remotePropertiesUpdated(ContactId contactId, TransportId transportId) {
        Plugin plugin = pluginManager.getPlugin(transportId);
        if (plugin != null) connectToContact(contactId, plugin);
    }

    void transportActive(TransportId transportId) {
        Plugin plugin = pluginManager.getPlugin(transportId);
        if (plugin != null) schedule(plugin, 0);
    }

    void transportInactive(TransportId transportId) {
        synchronized (lock) {
            ScheduledPoll poll = scheduled.remove(transportId);
            if (poll != null) poll.future.cancel(false);
        }
    }

    void connectionOpened(TransportId transportId) {
        reschedule(transportId);
    }

    void connectionClosed(ContactId contactId, TransportId transportId, boolean incoming, boolean exception) {
        reschedule(transportId);
        Plugin plugin = pluginManager.getPlugin(transportId);
        if (plugin == null || !reachesOut(plugin)) return;
        boolean retry = plugin instanceof DuplexPlugin ? !connectionRegistry.isConnected(contactId, transportId)
                : !incoming && exception;
        if (retry) retryLater(RECONNECT_DELAY_MS, () -> connectToContact(contactId, plugin));
    }

    private void reschedule(TransportId transportId) {
        Plugin plugin = pluginManager.getPlugin(transportId);
        if (plugin != null) schedule(plugin, plugin.getPollingInterval());
    }

    private static boolean reachesOut(Plugin plugin) {
        return plugin.shouldPoll() && plugin.getState() == Plugin.State.ACTIVE;
    }

    /** Schedules a poll after the delay, unless one is already due no later. */
    private void schedule(Plugin plugin, long delayMs) {
        if (!reachesOut(plugin)) return;
        TransportId transportId = plugin.getId();
        long dueMs = clock.currentTimeMillis() + delayMs;
        synchronized (lock) {
            ScheduledPoll existing = scheduled.get(transportId);
            if (existing != null) {
                if (existing.dueMs <= dueMs) return;
                existing.future.cancel(false);
            }
            ScheduledPoll poll = new ScheduledPoll(dueMs);
            poll.future = scheduler.schedule(() -> pollWhenDue(plugin, poll), delayMs, MILLISECONDS);
            scheduled.put(transportId, poll);
        }
    }

    private void pollWhenDue(Plugin plugin, ScheduledPoll poll) {
        synchronized (lock) {
            // Replaced or cancelled after the scheduler had already picked it up.
            if (!scheduled.remove(plugin.getId(), poll)) return;
        }
        ioExecutor.execute(() -> poll(plugin));
    }

    /** Runs on the I/O executor; the next poll is scheduled with the interval the plugin has after this one. */
    private void poll(Plugin plugin) {
        try {
            if (reachesOut(plugin)) plugin.poll(targets(plugin.getId()));
        } catch (DbException e) {
            LOG.warn("Could not read contacts' properties to poll {}", plugin.getId().value(), e);
        } finally {
            schedule(plugin, plugin.getPollingInterval());
        }
    }

    private List<PollTarget> targets(TransportId transportId) throws DbException {
        Collection<ContactId> skipped = connectionRegistry.getConnectedOrPreferredContacts(transportId);
        return propertyStore.getRemoteProperties(transportId).entrySet().stream()
                .filter(e -> !skipped.contains(e.getKey()) && !e.getValue().isEmpty())
                .map(e -> new PollTarget(e.getValue(), new ContactHandler(e.getKey(), transportId)))
                .toList();
    }

    private void connectToContact(ContactId contactId, Plugin plugin) {
        ioExecutor.execute(() -> {
            TransportId transportId = plugin.getId();
            if (!reachesOut(plugin)) return;
            if (connectionRegistry.getConnectedOrPreferredContacts(transportId).contains(contactId)) return;
            try {
                TransportProperties remote = propertyStore.getRemoteProperties(contactId, transportId);
                if (!remote.isEmpty()) connect(plugin, remote, new ContactHandler(contactId, transportId));
            } catch (DbException e) {
                LOG.warn("Could not read a contact's properties for {}", transportId.value(), e);
            }
        });
    }

    private static void connect(Plugin plugin, TransportProperties remote, ConnectionHandler handler) {
        if (plugin instanceof DuplexPlugin duplex) {
            DuplexTransportConnection connection = duplex.createConnection(remote);
            if (connection != null) handler.handleConnection(connection);
        } else if (plugin instanceof SimplexPlugin simplex) {
            TransportConnectionWriter writer = simplex.createWriter(remote);
            if (writer != null) handler.handleWriter(writer);
        }
    }

    /** Takes connections made to one contact and gives them to the connection manager. */
    private final class ContactHandler implements ConnectionHandler {
        private final ContactId contactId;
        private final TransportId transportId;

        ContactHandler(ContactId contactId, TransportId transportId) {
            this.contactId = contactId;
            this.transportId = transportId;
        }

        @Override
        public void handleConnection(DuplexTransportConnection connection) {
            connectionManager.manageOutgoingConnection(contactId, transportId, connection);
        }

        @Override
        public void handleReader(TransportConnectionReader reader) {
            connectionManager.manageIncomingConnection(transportId, reader);
        }

        @Override
        public void handleWriter(TransportConnectionWriter writer) {
            connectionManager.manageOutgoingConnection(contactId, transportId, writer);
        }
    }
}
