package org.thicket.bramble.keyagreement;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
 * Finds the one connection a key agreement runs on. Both sides accept one connection on each of their listeners and
 * connect to each of the peer's descriptors they have a plugin for, as Briar peers do. Alice takes the first
 * connection made either way and speaks on it (she sends KEY first); Bob takes the first connection on which data
 * arrives, so both ends pick the same one even when several connect. Every other connection, and every listener, is
 * closed. One connector serves one task; {@link #close} may come from any thread.
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
    /** Our role, known once the peer's code is scanned; connections accepted before then wait for it. */
    private final CompletableFuture<Boolean> alice = new CompletableFuture<>();
    private final CompletableFuture<Chosen> chosen = new CompletableFuture<>();
    /**
     * Accepts and connection attempts that may still give a connection, plus one held by {@link #connect} until it
     * has started its attempts, so early failures of the listeners cannot end the search before it begins.
     */
    private final AtomicInteger attempts = new AtomicInteger(1);
    private final List<Listening> listeners = new ArrayList<>(); // guarded by this
    private final List<DuplexTransportConnection> connections = new ArrayList<>(); // guarded by this
    private boolean closed; // guarded by this

    KeyAgreementConnector(PluginManager pluginManager, Executor ioExecutor) {
        this.pluginManager = pluginManager;
        this.ioExecutor = ioExecutor;
    }

    /**
     * Starts a listener on every plugin that supports key agreement and can listen now, each accepting one
     * connection; their descriptors.
     */
    List<KeyAgreementDescriptor> listen(byte[] commitment) {
        List<KeyAgreementDescriptor> descriptors = new ArrayList<>();
        for (DuplexPlugin plugin : pluginManager.getDuplexPlugins()) {
            if (!plugin.supportsKeyAgreement()) continue;
            KeyAgreementListener listener = plugin.createKeyAgreementListener(commitment);
            if (listener == null) continue;
            Listening l = new Listening(plugin.getId(), listener);
            synchronized (this) {
                if (!closed) listeners.add(l);
            }
            if (isClosed()) {
                listener.close();
                continue;
            }
            descriptors.add(new KeyAgreementDescriptor(plugin.getId(), listener.getDescriptor()));
            attempts.incrementAndGet();
            ioExecutor.execute(() -> accept(l));
        }
        return descriptors;
    }

    private void accept(Listening l) {
        String where = "Accepting over " + l.transportId().value();
        try {
            choose(l.listener().accept(), l.transportId(), where);
        } catch (IOException | RuntimeException e) {
            attemptEnded(where, e);
        }
    }

    /**
     * Connects to the peer's listeners and blocks until a connection is chosen.
     *
     * @throws IOException if no connection can be made, or we close
     */
    Chosen connect(Payload remote, boolean weAreAlice) throws IOException {
        alice.complete(weAreAlice);
        byte[] commitment = remote.getCommitment();
        for (KeyAgreementDescriptor d : remote.getDescriptors()) {
            Plugin plugin = pluginManager.getPlugin(d.transportId());
            if (!(plugin instanceof DuplexPlugin duplex) || !duplex.supportsKeyAgreement()) continue;
            attempts.incrementAndGet();
            ioExecutor.execute(() -> connect(duplex, commitment, d));
        }
        // Release the hold: from now on the last attempt to fail ends the search.
        attemptEnded("Starting the connection attempts", null);
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

    private void connect(DuplexPlugin plugin, byte[] commitment, KeyAgreementDescriptor d) {
        String where = "Connecting over " + d.transportId().value();
        try {
            DuplexTransportConnection connection = plugin.createKeyAgreementConnection(commitment, d.descriptor());
            if (connection == null) attemptEnded(where, null);
            else choose(connection, d.transportId(), where);
        } catch (IOException | RuntimeException e) {
            attemptEnded(where, e);
        }
    }

    /** Offers a connection once our role is known: Alice's at once, Bob's when the peer speaks on it. */
    private void choose(DuplexTransportConnection connection, TransportId transportId, String where)
            throws IOException {
        if (!track(connection)) return;
        boolean weAreAlice;
        try {
            weAreAlice = alice.join();
        } catch (CancellationException | CompletionException e) {
            closeQuietly(connection);
            return;
        }
        if (weAreAlice) {
            offer(connection, transportId);
            return;
        }
        PushbackInputStream in = new PushbackInputStream(connection.getReader().getInputStream(), 1);
        int first;
        try {
            first = in.read();
        } catch (IOException e) {
            closeQuietly(connection);
            throw e;
        }
        if (first == -1) {
            closeQuietly(connection);
            attemptEnded(where, new IOException("The peer closed the connection"));
            return;
        }
        in.unread(first);
        offer(new PeekedConnection(connection, in), transportId);
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

    /** An attempt gave no connection; when none is left, the search fails. */
    private void attemptEnded(String what, Exception e) {
        if (e != null) LOG.info("{} failed: {}", what, e.toString());
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
     * owns. A blocked {@link #connect} fails.
     */
    void close() {
        synchronized (this) {
            closed = true;
        }
        alice.completeExceptionally(new IOException("Key agreement stopped"));
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
