package org.thicket.bramble.connection;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.connection.api.ConnectionClosedEvent;
import org.thicket.bramble.connection.api.ConnectionOpenedEvent;
import org.thicket.bramble.connection.api.ConnectionRegistry;
import org.thicket.bramble.connection.api.ContactConnectedEvent;
import org.thicket.bramble.connection.api.ContactDisconnectedEvent;
import org.thicket.bramble.connection.api.InterruptibleConnection;
import org.thicket.bramble.connection.api.TransportPreference;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.PendingContactId;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.sync.api.Priority;

/**
 * One lock guards all bookkeeping. Neither events nor interrupts happen under it: a handle's interrupt may call back
 * into the registry, and a bus may deliver on the calling thread. Events are queued under the lock, so the queue
 * holds them in the order the state changed, and drained by one thread at a time, so they are broadcast in that
 * order; a caller returns only once its own events have been broadcast.
 */
final class ConnectionRegistryImpl implements ConnectionRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionRegistryImpl.class);

    private final EventBus eventBus;
    private final Set<TransportPreference> preferences;

    private final Object lock = new Object();
    private final Map<ContactId, List<LiveConnection>> connections = new HashMap<>(); // guarded by lock
    private final Set<PendingContactId> pendingConnections = new HashSet<>(); // guarded by lock

    private final Queue<Event> outbox = new ConcurrentLinkedQueue<>(); // offered under lock
    private final Object broadcastLock = new Object();

    @Inject
    ConnectionRegistryImpl(EventBus eventBus, Set<TransportPreference> preferences) {
        this.eventBus = eventBus;
        this.preferences = Set.copyOf(preferences);
    }

    /** A registered connection; the mutable fields are guarded by the registry's lock. */
    private static final class LiveConnection {
        final TransportId transportId;
        final InterruptibleConnection handle;
        final boolean incoming;
        final boolean duplex;
        Priority priority;
        boolean interrupted;

        LiveConnection(TransportId transportId, InterruptibleConnection handle, boolean incoming, boolean duplex) {
            this.transportId = transportId;
            this.handle = handle;
            this.incoming = incoming;
            this.duplex = duplex;
        }

        /** Whether it can still make another connection redundant, or be made redundant. */
        boolean competes() {
            return duplex && !interrupted;
        }
    }

    @Override
    public void registerIncomingConnection(ContactId contactId, TransportId transportId,
            InterruptibleConnection connection, boolean duplex) {
        register(contactId, new LiveConnection(transportId, connection, true, duplex));
    }

    @Override
    public void registerOutgoingConnection(ContactId contactId, TransportId transportId,
            InterruptibleConnection connection, boolean duplex) {
        register(contactId, new LiveConnection(transportId, connection, false, duplex));
    }

    private void register(ContactId contactId, LiveConnection added) {
        List<InterruptibleConnection> losers;
        synchronized (lock) {
            if (connections.values().stream().anyMatch(live -> find(live, added.handle) != null)) {
                throw new IllegalArgumentException("Connection already registered");
            }
            List<LiveConnection> live = connections.get(contactId);
            if (live == null) {
                live = new ArrayList<>();
                connections.put(contactId, live);
            }
            live.add(added);
            LOG.info("Connected to contact {} over {} ({}, {} connections)", contactId.value(),
                    added.transportId.value(), added.incoming ? "incoming" : "outgoing", live.size());
            outbox.add(new ConnectionOpenedEvent(contactId, added.transportId, added.incoming));
            if (live.size() == 1) outbox.add(new ContactConnectedEvent(contactId));
            losers = added.duplex ? resolveByPreference(live, added) : List.of();
        }
        interrupt(losers);
        publish();
    }

    /**
     * If a competing connection's transport is preferred to the new one's, the new one is redundant; otherwise every
     * competing connection over a transport the new one's is preferred to is.
     */
    private List<InterruptibleConnection> resolveByPreference(List<LiveConnection> live, LiveConnection added) {
        List<LiveConnection> rivals = live.stream().filter(c -> c != added && c.competes()).toList();
        if (rivals.stream().anyMatch(c -> prefers(c.transportId, added.transportId))) {
            return markInterrupted(List.of(added));
        }
        return markInterrupted(rivals.stream().filter(c -> prefers(added.transportId, c.transportId)).toList());
    }

    @Override
    public void setPriority(ContactId contactId, TransportId transportId, InterruptibleConnection connection,
            Priority priority) {
        List<InterruptibleConnection> losers;
        synchronized (lock) {
            LiveConnection c = require(contactId, transportId, connection);
            if (!c.duplex) throw new IllegalArgumentException("Only duplex connections have a priority");
            if (c.priority != null) throw new IllegalStateException("The connection's priority is already set");
            c.priority = priority;
            losers = resolveByPriority(connections.get(contactId), transportId);
        }
        interrupt(losers);
    }

    /**
     * Of the competing connections over one transport whose priorities are known, every one with a priority lower
     * than the highest is redundant. Equal highest priorities are all kept: neither peer could tell them apart the
     * same way.
     */
    private List<InterruptibleConnection> resolveByPriority(List<LiveConnection> live, TransportId transportId) {
        List<LiveConnection> rivals = live.stream()
                .filter(c -> c.competes() && c.priority != null && c.transportId.equals(transportId)).toList();
        Priority highest = rivals.stream().map(c -> c.priority).max(Priority::compareTo).orElse(null);
        if (highest == null) return List.of();
        return markInterrupted(rivals.stream().filter(c -> c.priority.compareTo(highest) < 0).toList());
    }

    private static List<InterruptibleConnection> markInterrupted(List<LiveConnection> losers) {
        for (LiveConnection c : losers) {
            c.interrupted = true;
            LOG.info("Closing a redundant {} connection over {}", c.incoming ? "incoming" : "outgoing",
                    c.transportId.value());
        }
        return losers.stream().map(c -> c.handle).toList();
    }

    private boolean prefers(TransportId better, TransportId worse) {
        return !better.equals(worse) && preferences.contains(new TransportPreference(better, worse));
    }

    @Override
    public void unregisterConnection(ContactId contactId, TransportId transportId, InterruptibleConnection connection,
            boolean exception) {
        synchronized (lock) {
            LiveConnection c = require(contactId, transportId, connection);
            List<LiveConnection> live = connections.get(contactId);
            live.remove(c);
            LOG.info("A connection to contact {} over {} ({}) ended{}", contactId.value(), transportId.value(),
                    c.incoming ? "incoming" : "outgoing", exception ? " with an error" : "");
            outbox.add(new ConnectionClosedEvent(contactId, transportId, c.incoming, exception));
            if (live.isEmpty()) {
                connections.remove(contactId);
                outbox.add(new ContactDisconnectedEvent(contactId));
            }
        }
        publish();
    }

    @Override
    public boolean isConnected(ContactId contactId) {
        synchronized (lock) {
            return connections.containsKey(contactId);
        }
    }

    @Override
    public boolean isConnected(ContactId contactId, TransportId transportId) {
        synchronized (lock) {
            List<LiveConnection> live = connections.get(contactId);
            return live != null && live.stream().anyMatch(c -> c.transportId.equals(transportId));
        }
    }

    @Override
    public Collection<ContactId> getConnectedContacts(TransportId transportId) {
        return contactsWithAny(c -> c.transportId.equals(transportId));
    }

    @Override
    public Collection<ContactId> getConnectedOrPreferredContacts(TransportId transportId) {
        return contactsWithAny(c -> c.transportId.equals(transportId) || prefers(c.transportId, transportId));
    }

    private List<ContactId> contactsWithAny(Predicate<LiveConnection> condition) {
        synchronized (lock) {
            return connections.entrySet().stream()
                    .filter(e -> e.getValue().stream().anyMatch(condition))
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }

    @Override
    public boolean registerPendingConnection(PendingContactId pendingContactId) {
        synchronized (lock) {
            return pendingConnections.add(pendingContactId);
        }
    }

    @Override
    public void unregisterPendingConnection(PendingContactId pendingContactId) {
        synchronized (lock) {
            if (!pendingConnections.remove(pendingContactId)) {
                throw new IllegalArgumentException("No connection registered for " + pendingContactId);
            }
        }
    }

    @Override
    public boolean isConnected(PendingContactId pendingContactId) {
        synchronized (lock) {
            return pendingConnections.contains(pendingContactId);
        }
    }

    /** Called under lock. */
    private LiveConnection require(ContactId contactId, TransportId transportId, InterruptibleConnection handle) {
        List<LiveConnection> live = connections.get(contactId);
        LiveConnection c = live == null ? null : find(live, handle);
        if (c == null || !c.transportId.equals(transportId)) {
            throw new IllegalArgumentException("No such connection registered for " + contactId + " over "
                    + transportId.value());
        }
        return c;
    }

    private static LiveConnection find(List<LiveConnection> live, InterruptibleConnection handle) {
        for (LiveConnection c : live) {
            if (c.handle == handle) return c;
        }
        return null;
    }

    private static void interrupt(List<InterruptibleConnection> losers) {
        for (InterruptibleConnection loser : losers) {
            try {
                loser.interruptOutgoingSession();
            } catch (RuntimeException e) {
                // One faulty handle must not keep the other losers alive.
                LOG.warn("Interrupting a redundant connection failed", e);
            }
        }
    }

    private void publish() {
        synchronized (broadcastLock) {
            for (Event e = outbox.poll(); e != null; e = outbox.poll()) {
                eventBus.broadcast(e);
            }
        }
    }
}
