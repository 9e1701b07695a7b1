package org.thicket.bramble.connection;

import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.connection.api.ConnectionManager;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.lifecycle.api.Service;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.TransportConnectionReader;
import org.thicket.bramble.plugin.api.TransportConnectionWriter;
import org.thicket.bramble.plugin.api.TransportId;

/**
 * Runs BTP and BSP over every connection (specs/connections.md): an incoming stream is matched to its contact by its
 * tag (an unknown or replayed tag drops the connection and nothing else happens), each direction of a connection
 * gets a BSP session on an I/O thread, connections are registered while they run, and redundant ones are ended by
 * the registry's rules. Streams of pending contacts (handshake mode) are not sync's and are dropped here.
 * <p>
 * When the app stops, every outgoing session is interrupted, so our streams end cleanly; connections that have not
 * ended after {@link #STOP_GRACE_MS} are released.
 */
final class ConnectionManagerImpl implements ConnectionManager, Service {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionManagerImpl.class);

    static final long STOP_GRACE_MS = 5_000;

    private final SyncConnections deps;
    private final Set<ManagedConnection> live = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    @Inject
    ConnectionManagerImpl(SyncConnections deps) {
        this.deps = deps;
    }

    @Override
    public void manageIncomingConnection(TransportId transportId, DuplexTransportConnection connection) {
        DuplexSyncConnection c = new DuplexSyncConnection(deps, transportId, connection, this::ended);
        start(c, c::runIncoming, c::abandon);
    }

    @Override
    public void manageIncomingConnection(TransportId transportId, TransportConnectionReader reader) {
        SimplexSyncConnection c = SimplexSyncConnection.reading(deps, transportId, reader, this::ended);
        start(c, c::readStream, () -> release(reader));
    }

    @Override
    public void manageOutgoingConnection(ContactId contactId, TransportId transportId,
            DuplexTransportConnection connection) {
        DuplexSyncConnection c = new DuplexSyncConnection(deps, transportId, connection, this::ended);
        start(c, () -> c.runOutgoing(contactId), c::abandon);
    }

    @Override
    public void manageOutgoingConnection(ContactId contactId, TransportId transportId,
            TransportConnectionWriter writer) {
        SimplexSyncConnection c = SimplexSyncConnection.writing(deps, transportId, writer, this::ended);
        start(c, () -> c.writeStream(contactId), () -> release(writer));
    }

    /** Runs the connection on an I/O thread; after the stop, or if the executor is shut down, releases it. */
    private void start(ManagedConnection c, Runnable run, Runnable release) {
        if (stopped) {
            release.run();
            return;
        }
        live.add(c);
        try {
            deps.ioExecutor.execute(run);
        } catch (RejectedExecutionException e) {
            LOG.info("The I/O executor has shut down: releasing a connection");
            ended(c);
            release.run();
        }
    }

    private void ended(ManagedConnection c) {
        synchronized (live) {
            live.remove(c);
            live.notifyAll();
        }
    }

    @Override
    public void startService() {
        // Connections are taken as they come; nothing to prepare.
    }

    @Override
    public void stopService() {
        stopped = true;
        List<ManagedConnection> running = List.copyOf(live);
        running.forEach(ManagedConnection::interruptOutgoingSession);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_GRACE_MS);
        synchronized (live) {
            while (!live.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) break;
                try {
                    TimeUnit.NANOSECONDS.timedWait(live, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        List.copyOf(live).forEach(ManagedConnection::abandon);
    }

    private static void release(TransportConnectionReader reader) {
        try {
            reader.dispose(false, false);
        } catch (IOException e) {
            LOG.warn("Releasing a reader failed", e);
        }
    }

    private static void release(TransportConnectionWriter writer) {
        try {
            writer.dispose(false);
        } catch (IOException e) {
            LOG.warn("Releasing a writer failed", e);
        }
    }
}
