package org.thicket.bramble.connection;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.TransportConnectionWriter;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.stream.api.StreamContext;
import org.thicket.bramble.stream.api.StreamWriter;
import org.thicket.bramble.sync.api.DuplexSessions;
import org.thicket.bramble.sync.api.Priority;
import org.thicket.bramble.sync.api.PriorityHandler;
import org.thicket.bramble.sync.api.SyncSession;

/**
 * One duplex connection to a contact: the peer's stream is read on the thread that runs this, ours is written on
 * another I/O thread. The two halves end apart: when the peer's stream ends (or breaks) our outgoing session is
 * interrupted, so ours ends too; when writing fails, the reader is released so the read ends. The connection is
 * unregistered once both halves have ended. Any error releases both halves of the transport connection.
 */
final class DuplexSyncConnection implements ManagedConnection {

    private static final Logger LOG = LoggerFactory.getLogger(DuplexSyncConnection.class);

    private final SyncConnections deps;
    private final TransportId transportId;
    private final DuplexTransportConnection connection;
    private final Consumer<ManagedConnection> onEnd;

    private final AtomicBoolean readerReleased = new AtomicBoolean();
    private final AtomicBoolean writerReleased = new AtomicBoolean();
    private final AtomicInteger halvesRunning = new AtomicInteger(2);
    private volatile boolean failed;

    private final Object lock = new Object();
    private SyncSession outgoingSession; // guarded by lock
    private boolean interrupted; // guarded by lock

    private ContactId contactId; // set before registration, read by the other half after it started
    private DuplexSessions sessions; // made by startOutgoing, on the thread that then reads
    private volatile boolean registered;

    DuplexSyncConnection(SyncConnections deps, TransportId transportId, DuplexTransportConnection connection,
            Consumer<ManagedConnection> onEnd) {
        this.deps = deps;
        this.transportId = transportId;
        this.connection = connection;
        this.onEnd = onEnd;
    }

    /** A connection the peer opened: its stream names the contact. */
    void runIncoming() {
        InputStream in;
        StreamContext theirs;
        try {
            in = connection.getReader().getInputStream();
            theirs = Streams.recognise(deps.keyManager, transportId, in);
        } catch (IOException | DbException e) {
            LOG.info("Could not read the tag of an incoming connection over {}", transportId.value(), e);
            end(true, false);
            return;
        }
        if (theirs == null) {
            LOG.info("An incoming connection over {} with an unknown or replayed tag: dropped", transportId.value());
            end(true, false);
            return;
        }
        if (theirs.contactId() == null) {
            LOG.info("An incoming connection over {} in handshake mode of a pending contact: not sync's, dropped",
                    transportId.value());
            wipe(theirs);
            end(true, true);
            return;
        }
        contactId = theirs.contactId();
        if (!startOutgoing(null)) {
            wipe(theirs);
            end(true, true);
            return;
        }
        readPeer(in, theirs, priority -> deps.registry.setPriority(contactId, transportId, this, priority));
    }

    /** A connection we opened to the contact: we send the priority nonce, and its stream must be the contact's. */
    void runOutgoing(ContactId contactId) {
        this.contactId = contactId;
        if (!startOutgoing(deps.newPriority())) {
            end(true, false);
            return;
        }
        StreamContext theirs;
        InputStream in;
        try {
            in = connection.getReader().getInputStream();
            theirs = Streams.recognise(deps.keyManager, transportId, in);
        } catch (IOException | DbException e) {
            LOG.info("Could not read the tag of {}'s stream over {}", contactId, transportId.value(), e);
            incomingEnded(true, false);
            return;
        }
        if (theirs == null || !contactId.equals(theirs.contactId())) {
            LOG.info("The stream {} sent back over {} is not its own: dropped", contactId, transportId.value());
            if (theirs != null) wipe(theirs);
            incomingEnded(true, theirs != null);
            return;
        }
        readPeer(in, theirs, null);
    }

    /**
     * Registers the connection and starts our stream on another thread; false, having started nothing, if we have
     * no keys to write to the contact.
     */
    private boolean startOutgoing(Priority priority) {
        StreamContext ours;
        try {
            ours = deps.keyManager.getStreamContext(contactId, transportId);
        } catch (DbException e) {
            LOG.warn("Could not get a stream context for {} over {}", contactId, transportId.value(), e);
            return false;
        }
        if (ours == null) {
            LOG.info("No keys to write to {} over {}: connection dropped", contactId, transportId.value());
            return false;
        }
        TransportConnectionWriter writer = connection.getWriter();
        StreamWriter streamWriter;
        try {
            streamWriter = deps.streamWriterFactory.createStreamWriter(writer.getOutputStream(), ours);
        } catch (IOException e) {
            LOG.info("Could not open our stream to {} over {}", contactId, transportId.value(), e);
            wipe(ours);
            return false;
        }
        sessions = deps.sessionFactory.createDuplexSessions(contactId);
        SyncSession session = sessions.createOutgoingSession(transportId, writer.getMaxLatency(),
                writer.getMaxIdleTime(), streamWriter, priority);
        synchronized (lock) {
            outgoingSession = session;
        }
        if (priority == null) {
            deps.registry.registerIncomingConnection(contactId, transportId, this, true);
        } else {
            deps.registry.registerOutgoingConnection(contactId, transportId, this, true);
            deps.registry.setPriority(contactId, transportId, this, priority);
        }
        registered = true;
        try {
            deps.ioExecutor.execute(() -> writeOurs(session, ours));
        } catch (RejectedExecutionException e) {
            // The app is stopping: our half ends before it began.
            wipe(ours);
            outgoingEnded(true);
        }
        return true;
    }

    private void writeOurs(SyncSession session, StreamContext ours) {
        boolean error = true;
        try {
            if (isInterrupted()) session.interrupt();
            session.run();
            error = false;
        } catch (IOException | DbException | RuntimeException e) {
            LOG.info("Writing to {} over {} failed", contactId, transportId.value(), e);
        } finally {
            wipe(ours);
            outgoingEnded(error);
        }
    }

    private void readPeer(InputStream in, StreamContext theirs, PriorityHandler priorityHandler) {
        boolean error = true;
        try {
            InputStream plaintext = deps.streamReaderFactory.createStreamReader(in, theirs);
            sessions.createIncomingSession(plaintext, priorityHandler).run();
            error = false;
        } catch (IOException | DbException | RuntimeException e) {
            // A hostile or broken stream: what was read before the error stays stored, the rest is not read.
            LOG.info("Reading from {} over {} ended with an error", contactId, transportId.value(), e);
        } finally {
            wipe(theirs);
            incomingEnded(error, true);
        }
    }

    private void incomingEnded(boolean error, boolean recognised) {
        if (error) failed = true;
        releaseReader(error, recognised);
        if (error) releaseWriter(true);
        // The peer has ended its stream, or broken it: end ours too.
        interruptOutgoingSession();
        halfEnded();
    }

    private void outgoingEnded(boolean error) {
        if (error) failed = true;
        releaseWriter(error);
        if (error) releaseReader(true, true);
        halfEnded();
    }

    private void halfEnded() {
        if (halvesRunning.decrementAndGet() > 0) return;
        if (registered) deps.registry.unregisterConnection(contactId, transportId, this, failed);
        onEnd.accept(this);
    }

    /** Ends a connection that never got to run sessions. */
    private void end(boolean error, boolean recognised) {
        releaseReader(error, recognised);
        releaseWriter(error);
        onEnd.accept(this);
    }

    @Override
    public void interruptOutgoingSession() {
        SyncSession session;
        synchronized (lock) {
            interrupted = true;
            session = outgoingSession;
        }
        if (session != null) session.interrupt();
    }

    private boolean isInterrupted() {
        synchronized (lock) {
            return interrupted;
        }
    }

    @Override
    public void abandon() {
        interruptOutgoingSession();
        releaseReader(true, true);
        releaseWriter(true);
    }

    private void releaseReader(boolean error, boolean recognised) {
        if (!readerReleased.compareAndSet(false, true)) return;
        try {
            connection.getReader().dispose(error, recognised);
        } catch (IOException e) {
            LOG.warn("Releasing the reader of a connection over {} failed", transportId.value(), e);
        }
    }

    private void releaseWriter(boolean error) {
        if (!writerReleased.compareAndSet(false, true)) return;
        try {
            connection.getWriter().dispose(error);
        } catch (IOException e) {
            LOG.warn("Releasing the writer of a connection over {} failed", transportId.value(), e);
        }
    }

    static void wipe(StreamContext context) {
        context.tagKey().wipe();
        context.headerKey().wipe();
    }
}
