package org.thicket.bramble.connection;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.plugin.api.TransportConnectionReader;
import org.thicket.bramble.plugin.api.TransportConnectionWriter;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.stream.api.StreamContext;
import org.thicket.bramble.stream.api.StreamWriter;
import org.thicket.bramble.sync.api.SyncSession;

/**
 * One stream, one way: a file from a removable drive or a mailbox to read, or one to write. It carries no priority
 * and never makes another connection redundant. Released once, after its session ended.
 */
final class SimplexSyncConnection implements ManagedConnection {

    private static final Logger LOG = LoggerFactory.getLogger(SimplexSyncConnection.class);

    private final SyncConnections deps;
    private final TransportId transportId;
    private final TransportConnectionReader reader; // null when writing
    private final TransportConnectionWriter writer; // null when reading
    private final Consumer<ManagedConnection> onEnd;
    private volatile SyncSession session;
    private volatile boolean interrupted;

    private SimplexSyncConnection(SyncConnections deps, TransportId transportId, TransportConnectionReader reader,
            TransportConnectionWriter writer, Consumer<ManagedConnection> onEnd) {
        this.deps = deps;
        this.transportId = transportId;
        this.reader = reader;
        this.writer = writer;
        this.onEnd = onEnd;
    }

    /** For a stream of unknown origin to read with {@link #readStream}; its tag names the contact. */
    static SimplexSyncConnection reading(SyncConnections deps, TransportId transportId,
            TransportConnectionReader reader, Consumer<ManagedConnection> onEnd) {
        return new SimplexSyncConnection(deps, transportId, reader, null, onEnd);
    }

    /** For a stream to the contact, to write with {@link #writeStream}. */
    static SimplexSyncConnection writing(SyncConnections deps, TransportId transportId,
            TransportConnectionWriter writer, Consumer<ManagedConnection> onEnd) {
        return new SimplexSyncConnection(deps, transportId, null, writer, onEnd);
    }

    void readStream() {
        StreamContext theirs = null;
        boolean error = true;
        try {
            InputStream in = reader.getInputStream();
            theirs = Streams.recognise(deps.keyManager, transportId, in);
            if (theirs == null) {
                // Not for us, or a replay: not an error of the medium (a shared drive may hold others' files).
                LOG.info("A stream over {} with an unknown or replayed tag: dropped", transportId.value());
                error = false;
                return;
            }
            if (theirs.contactId() == null) {
                LOG.info("A stream over {} in handshake mode of a pending contact: not sync's, dropped",
                        transportId.value());
                return;
            }
            run(theirs.contactId(), false, deps.sessionFactory.createIncomingSession(theirs.contactId(),
                    deps.streamReaderFactory.createStreamReader(in, theirs), null));
            error = false;
        } catch (IOException | DbException | RuntimeException e) {
            LOG.info("Reading a stream over {} ended with an error", transportId.value(), e);
        } finally {
            if (theirs != null) DuplexSyncConnection.wipe(theirs);
            release(reader, error, theirs != null);
            onEnd.accept(this);
        }
    }

    void writeStream(ContactId contactId) {
        StreamContext ours = null;
        boolean error = true;
        try {
            ours = deps.keyManager.getStreamContext(contactId, transportId);
            if (ours == null) {
                LOG.info("No keys to write to {} over {}: not writing", contactId, transportId.value());
                error = false;
                return;
            }
            StreamWriter streamWriter = deps.streamWriterFactory.createStreamWriter(writer.getOutputStream(), ours);
            run(contactId, true, deps.sessionFactory.createSimplexOutgoingSession(contactId, transportId,
                    writer.getMaxLatency(), deps.isEager(transportId), streamWriter));
            error = false;
        } catch (IOException | DbException | RuntimeException e) {
            LOG.info("Writing a stream to {} over {} failed", contactId, transportId.value(), e);
        } finally {
            if (ours != null) DuplexSyncConnection.wipe(ours);
            release(writer, error);
            onEnd.accept(this);
        }
    }

    /** Runs the session while the connection is registered. */
    private void run(ContactId contactId, boolean outgoing, SyncSession syncSession)
            throws IOException, DbException {
        session = syncSession;
        if (interrupted) syncSession.interrupt();
        if (outgoing) deps.registry.registerOutgoingConnection(contactId, transportId, this, false);
        else deps.registry.registerIncomingConnection(contactId, transportId, this, false);
        boolean error = true;
        try {
            syncSession.run();
            error = false;
        } finally {
            deps.registry.unregisterConnection(contactId, transportId, this, error);
        }
    }

    @Override
    public void interruptOutgoingSession() {
        interrupted = true;
        SyncSession s = session;
        if (s != null) s.interrupt();
    }

    /** A simplex stream ends by itself (a file has an end); interrupting is enough. */
    @Override
    public void abandon() {
        interruptOutgoingSession();
    }

    private void release(TransportConnectionReader reader, boolean error, boolean recognised) {
        try {
            reader.dispose(error, recognised);
        } catch (IOException e) {
            LOG.warn("Releasing a reader over {} failed", transportId.value(), e);
        }
    }

    private void release(TransportConnectionWriter writer, boolean error) {
        try {
            writer.dispose(error);
        } catch (IOException e) {
            LOG.warn("Releasing a writer over {} failed", transportId.value(), e);
        }
    }
}
