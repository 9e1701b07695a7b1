package org.thicket.bramble.sync;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.ContactRemovedEvent;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.event.api.EventListener;
import org.thicket.bramble.lifecycle.api.LifecycleEvent;
import org.thicket.bramble.lifecycle.api.LifecycleState;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.api.TransportInactiveEvent;
import org.thicket.bramble.stream.api.StreamWriter;
import org.thicket.bramble.sync.api.GroupVisibilityUpdatedEvent;
import org.thicket.bramble.sync.api.MessageRequestedEvent;
import org.thicket.bramble.sync.api.MessageSharedEvent;
import org.thicket.bramble.sync.api.MessageToAckEvent;
import org.thicket.bramble.sync.api.MessageToRequestEvent;
import org.thicket.bramble.sync.api.Priority;
import org.thicket.bramble.sync.api.SyncConstants;
import org.thicket.bramble.sync.api.SyncSession;
import org.thicket.bramble.sync.api.Versions;

/**
 * Both ways at once: after VERSIONS (and PRIORITY on a connection we opened) it sleeps until an event says there is
 * something for the contact, then writes one batch of each kind of work that is pending and flushes. A kind whose
 * batch was full stays pending, so acks, requests and messages take turns and none starves the others. Events only
 * mark work pending (the event thread must not block); the session's own thread does the database work and the
 * writing. When nothing was written for the transport's maximum idle time it flushes anyway (an empty frame, as a
 * keepalive) and looks for messages whose retransmission time has come. The acks for what this connection's incoming
 * session stored come from memory ({@link AckQueue}); those still queued when the session ends are recorded in the
 * database.
 */
final class DuplexOutgoingSession implements SyncSession, EventListener {

    private static final Logger LOG = LoggerFactory.getLogger(DuplexOutgoingSession.class);

    /** QUEUED_ACKS: this connection's, from memory; ACKS: those recorded in the database (offers, simplex). */
    private enum Work { QUEUED_ACKS, ACKS, REQUESTS, REQUESTED_MESSAGES, DUE_MESSAGES }

    private final OutgoingRecords records;
    private final AckQueue acks;
    private final EventBus eventBus;
    private final ContactId contactId;
    private final TransportId transportId;
    private final long maxIdleTimeNanos;
    private final StreamWriter streamWriter;
    private final Priority priority;

    private final Object lock = new Object();
    private final Set<Work> pending = EnumSet.allOf(Work.class); // guarded by lock
    private boolean interrupted; // guarded by lock

    DuplexOutgoingSession(OutgoingRecords records, AckQueue acks, EventBus eventBus, ContactId contactId,
            TransportId transportId, long maxIdleTimeMs, StreamWriter streamWriter, Priority priority) {
        if (maxIdleTimeMs <= 0) throw new IllegalArgumentException("Not an idle time: " + maxIdleTimeMs);
        this.records = records;
        this.acks = acks;
        this.eventBus = eventBus;
        this.contactId = contactId;
        this.transportId = transportId;
        this.maxIdleTimeNanos = TimeUnit.MILLISECONDS.toNanos(maxIdleTimeMs);
        this.streamWriter = streamWriter;
        this.priority = priority;
    }

    @Override
    public void run() throws IOException, DbException {
        eventBus.addListener(this);
        acks.setListener(() -> markPending(Work.QUEUED_ACKS));
        try {
            records.writer().writeVersions(new Versions(SyncConstants.SUPPORTED_VERSIONS));
            if (priority != null) records.writer().writePriority(priority);
            records.writeOffersOfUnacked();
            records.writer().flush();
            for (Set<Work> work = awaitWork(); work != null; work = awaitWork()) {
                for (Work w : work) {
                    if (doWork(w)) markPending(w);
                }
                records.writer().flush();
            }
            streamWriter.sendEndOfStream();
        } finally {
            eventBus.removeListener(this);
            recordQueuedAcks();
        }
    }

    /** Acks still queued go to the database; failing to record them must not hide why the session ended. */
    private void recordQueuedAcks() {
        try {
            records.recordAcksOwed(acks.close());
        } catch (DbException | RuntimeException e) {
            // They are not lost for good: the contact sends or offers those messages again, and we ack them then.
            LOG.warn("Could not record the acks still owed to {}", contactId, e);
        }
    }

    /**
     * The pending work, taken; after the idle time without any, the keepalive round (due messages only). Null once
     * interrupted.
     */
    private Set<Work> awaitWork() {
        long deadline = System.nanoTime() + maxIdleTimeNanos;
        synchronized (lock) {
            while (!interrupted && pending.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return EnumSet.of(Work.DUE_MESSAGES);
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    interrupted = true;
                }
            }
            if (interrupted) return null;
            Set<Work> taken = EnumSet.copyOf(pending);
            pending.clear();
            return taken;
        }
    }

    /** One batch; true if it was full, so more of the same may be waiting. */
    private boolean doWork(Work work) throws IOException, DbException {
        return switch (work) {
            case QUEUED_ACKS -> records.writeAcks(acks);
            case ACKS -> records.writeAcks();
            case REQUESTS -> records.writeRequests();
            case REQUESTED_MESSAGES -> records.writeRequestedMessages();
            case DUE_MESSAGES -> records.writeDueMessages();
        };
    }

    private void markPending(Work work) {
        synchronized (lock) {
            pending.add(work);
            lock.notifyAll();
        }
    }

    @Override
    public void interrupt() {
        synchronized (lock) {
            interrupted = true;
            lock.notifyAll();
        }
    }

    @Override
    public void eventOccurred(Event e) {
        if (e instanceof MessageToAckEvent ack && ack.contactId().equals(contactId)) {
            markPending(Work.ACKS);
        } else if (e instanceof MessageToRequestEvent request && request.contactId().equals(contactId)) {
            markPending(Work.REQUESTS);
        } else if (e instanceof MessageRequestedEvent requested && requested.contactId().equals(contactId)) {
            markPending(Work.REQUESTED_MESSAGES);
        } else if (e instanceof MessageSharedEvent) {
            markPending(Work.DUE_MESSAGES);
        } else if (e instanceof GroupVisibilityUpdatedEvent visibility
                && visibility.contactIds().contains(contactId)) {
            markPending(Work.DUE_MESSAGES);
        } else if (e instanceof ContactRemovedEvent removed && removed.contactId().equals(contactId)) {
            interrupt();
        } else if (e instanceof TransportInactiveEvent inactive && inactive.transportId().equals(transportId)) {
            interrupt();
        } else if (e instanceof LifecycleEvent lifecycle && lifecycle.state() == LifecycleState.STOPPING) {
            interrupt();
        }
    }
}
