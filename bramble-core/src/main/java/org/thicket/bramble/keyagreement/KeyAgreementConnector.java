package org.thicket.bramble.keyagreement;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.keyagreement.api.KeyAgreementDescriptor;
import org.thicket.bramble.keyagreement.api.Payload;
import org.thicket.bramble.plugin.api.DuplexPlugin;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.KeyAgreementListener;
import org.thicket.bramble.plugin.api.Plugin;
import org.thicket.bramble.plugin.api.PluginManager;
import org.thicket.bramble.plugin.api.TransportConnectionReader;
import org.thicket.bramble.plugin.api.TransportConnectionWriter;
import org.thicket.bramble.plugin.api.TransportId;

/**
 * Finds the one connection a key agreement runs on. Alice waits on all her listeners and takes the first connection
 * accepted; Bob connects to every descriptor of Alice's he has a plugin for and takes the first connection on which
 * Alice speaks (she sends KEY on the one she took, so both ends pick the same). Every other connection, and every
 * listener, is closed. One connector serves one task; {@link #close} may come from any thread.
 */
final class KeyAgreementConnector {

    private static final Logger LOG = LoggerFactory.getLogger(KeyAgreementConnector.class);

    /** The connection both sides use, and its transport. */
    record Chosen(DuplexTransportConnection connection, TransportId transportId) {
    }

    private record Listening(TransportId transportId, KeyAgreementListener listener) {
    }

    private final PluginManager pluginManager;
    private final Executor ioExecutor;
    private final CompletableFuture<Chosen> chosen = new CompletableFuture<>();
    private final List<Listening> listeners = new ArrayList<>(); // guarded by this
    private final List<DuplexTransportConnection> connections = new ArrayList<>(); // guarded by this
    private boolean closed; // guarded by this

    KeyAgreementConnector(PluginManager pluginManager, Executor ioExecutor) {
        this.pluginManager = pluginManager;
        this.ioExecutor = ioExecutor;
    }

    /** Starts a listener on every plugin that supports key agreement and can listen now; their descriptors. */
    List<KeyAgreementDescriptor> listen(byte[] commitment) {
        List<KeyAgreementDescriptor> descriptors = new ArrayList<>();
        for (DuplexPlugin plugin : pluginManager.getDuplexPlugins()) {
            if (!plugin.supportsKeyAgreement()) continue;
            KeyAgreementListener listener = plugin.createKeyAgreementListener(commitment);
            if (listener == null) continue;
            synchronized (this) {
                if (!closed) listeners.add(new Listening(plugin.getId(), listener));
            }
            if (isClosed()) {
                listener.close();
                continue;
            }
            descriptors.add(new KeyAgreementDescriptor(plugin.getId(), listener.getDescriptor()));
        }
        return descriptors;
    }

    /** Alice: blocks until a peer connects to one of our listeners. @throws IOException if none can or we close */
    Chosen acceptFirst() throws IOException {
        List<Listening> waiting;
        synchronized (this) {
            waiting = List.copyOf(listeners);
        }
        AtomicInteger attempts = new AtomicInteger(waiting.size());
        for (Listening l : waiting) {
            ioExecutor.execute(() -> {
                try {
                    offer(l.listener().accept(), l.transportId());
                } catch (IOException | RuntimeException e) {
                    failed(attempts, "Accepting on " + l.transportId().value(), e);
                }
            });
        }
        return await(attempts);
    }

    /** Bob: connects to the peer's listeners and blocks until the peer speaks on one connection. */
    Chosen connectFirst(Payload remote) throws IOException {
        closeListeners();
        byte[] commitment = remote.getCommitment();
        List<Runnable> tasks = new ArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        for (KeyAgreementDescriptor d : remote.getDescriptors()) {
            Plugin plugin = pluginManager.getPlugin(d.transportId());
            if (!(plugin instanceof DuplexPlugin duplex) || !duplex.supportsKeyAgreement()) continue;
            attempts.incrementAndGet();
            tasks.add(() -> connect(duplex, commitment, d, attempts));
        }
        tasks.forEach(ioExecutor::execute);
        return await(attempts);
    }

    private void connect(DuplexPlugin plugin, byte[] commitment, KeyAgreementDescriptor d, AtomicInteger attempts) {
        String where = "Connecting over " + d.transportId().value();
        try {
            DuplexTransportConnection connection = plugin.createKeyAgreementConnection(commitment, d.descriptor());
            if (connection == null) {
                failed(attempts, where, null);
                return;
            }
            if (!track(connection)) return;
            PushbackInputStream in = new PushbackInputStream(connection.getReader().getInputStream(), 1);
            int first = in.read();
            if (first == -1) {
                closeQuietly(connection);
                failed(attempts, where, new IOException("The peer closed the connection"));
                return;
            }
            in.unread(first);
            offer(new PeekedConnection(connection, in), d.transportId());
        } catch (IOException | RuntimeException e) {
            failed(attempts, where, e);
        }
    }

    private Chosen await(AtomicInteger attempts) throws IOException {
        if (attempts.get() == 0) chosen.completeExceptionally(new IOException("No transport reaches the peer"));
        try {
            return chosen.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for a connection");
        }
    }

    /** Keeps the first connection offered; closes any later one, and any that comes after {@link #close}. */
    private void offer(DuplexTransportConnection connection, TransportId transportId) {
        if (!track(connection)) return;
        if (chosen.complete(new Chosen(connection, transportId))) {
            LOG.info("Key agreement connection over {}", transportId.value());
            closeAllBut(connection);
        } else {
            closeQuietly(connection);
        }
    }

    /** Remembers the connection so {@link #close} reaches it; closes it at once if we are closed. */
    private boolean track(DuplexTransportConnection connection) {
        synchronized (this) {
            if (!closed) {
                connections.add(connection);
                return true;
            }
        }
        closeQuietly(connection);
        return false;
    }

    private void failed(AtomicInteger attempts, String what, Exception e) {
        LOG.info("{} failed{}", what, e == null ? "" : ": " + e);
        if (attempts.decrementAndGet() == 0) {
            chosen.completeExceptionally(new IOException("No connection to the peer could be made"));
        }
    }

    private void closeAllBut(DuplexTransportConnection keep) {
        closeListeners();
        List<DuplexTransportConnection> others;
        synchronized (this) {
            others = connections.stream().filter(c -> c != keep && !isPeekOf(keep, c)).toList();
        }
        others.forEach(KeyAgreementConnector::closeQuietly);
    }

    private static boolean isPeekOf(DuplexTransportConnection peeked, DuplexTransportConnection c) {
        return peeked instanceof PeekedConnection p && p.delegate == c;
    }

    private void closeListeners() {
        List<Listening> toClose;
        synchronized (this) {
            toClose = List.copyOf(listeners);
            listeners.clear();
        }
        for (Listening l : toClose) l.listener().close();
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /**
     * Stops everything still going: listeners, attempts, and every connection but the chosen one, which the caller
     * owns. A blocked {@link #acceptFirst} or {@link #connectFirst} fails.
     */
    void close() {
        synchronized (this) {
            closed = true;
        }
        chosen.completeExceptionally(new IOException("Key agreement stopped"));
        DuplexTransportConnection keep = chosen.isCompletedExceptionally() ? null : chosen.join().connection();
        closeAllBut(keep);
    }

    static void closeQuietly(DuplexTransportConnection connection) {
        try {
            connection.close(true);
        } catch (IOException e) {
            LOG.debug("Closing a key agreement connection failed", e);
        }
    }

    /** A connection whose first byte has been read to see that the peer speaks on it, and pushed back. */
    private static final class PeekedConnection implements DuplexTransportConnection {

        private final DuplexTransportConnection delegate;
        private final TransportConnectionReader reader;

        PeekedConnection(DuplexTransportConnection delegate, InputStream peeked) {
            this.delegate = delegate;
            this.reader = new TransportConnectionReader() {
                @Override
                public InputStream getInputStream() {
                    return peeked;
                }

                @Override
                public void dispose(boolean exception, boolean recognised) throws IOException {
                    delegate.getReader().dispose(exception, recognised);
                }
            };
        }

        @Override
        public TransportConnectionReader getReader() {
            return reader;
        }

        @Override
        public TransportConnectionWriter getWriter() {
            return delegate.getWriter();
        }

        @Override
        public void close(boolean exception) throws IOException {
            delegate.close(exception);
        }
    }
}
