package org.thicket.bramble.keyagreement;

import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.plugin.api.DuplexPlugin;
import org.thicket.bramble.plugin.api.DuplexPluginFactory;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.KeyAgreementListener;
import org.thicket.bramble.plugin.api.PluginCallback;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.api.TransportIds;
import org.thicket.bramble.plugin.api.TransportProperties;
import org.thicket.bramble.test.MemoryConnection;
import org.thicket.bramble.test.PassivePlugin;
import org.thicket.bramble.transport.api.TransportDescriptor;

/**
 * A LAN for tests of key agreement, in memory: each node's plugin (contributed by {@link #module}) listens on a
 * "port" of this network, with the LAN descriptor {@code [1, 127.0.0.1, port]}, and connecting to a descriptor
 * makes a {@link MemoryConnection} pair with one end queued at that listener. Tests may also listen and connect
 * themselves, as a scripted peer.
 */
public final class MemoryKeyAgreementNetwork {

    public static final TransportId TRANSPORT = TransportIds.LAN;
    private static final byte[] LOOPBACK = {127, 0, 0, 1};
    private static final long MAX_LATENCY = 30_000;
    private static final long MAX_IDLE_TIME = 60_000;

    private final Map<Long, Listener> listeners = new ConcurrentHashMap<>();
    private final AtomicInteger nextPort = new AtomicInteger(40_000);

    /** A node's plugin on this network, and the transport registered for keys, as the LAN module would. */
    public Module module() {
        return binder -> {
            Multibinder.newSetBinder(binder, DuplexPluginFactory.class).addBinding().toInstance(new Factory());
            Multibinder.newSetBinder(binder, TransportDescriptor.class).addBinding()
                    .toInstance(new TransportDescriptor(TRANSPORT, MAX_LATENCY));
        };
    }

    /** A listener on a new port. */
    public Listener listen() {
        long port = nextPort.getAndIncrement();
        Listener listener = new Listener(port);
        listeners.put(port, listener);
        return listener;
    }

    /** A descriptor of a port nobody listens on: connecting to it fails. */
    public BdfList deadDescriptor() {
        return BdfList.of(1, LOOPBACK, nextPort.getAndIncrement());
    }

    /** Connects to the listener the descriptor names, or returns null if there is none (any more). */
    public DuplexTransportConnection connect(BdfList descriptor) {
        try {
            Listener listener = listeners.get(descriptor.getLong(2));
            if (listener == null || listener.closed) return null;
            MemoryConnection[] ends = MemoryConnection.pair(MAX_LATENCY, MAX_IDLE_TIME);
            listener.incoming.add(ends[1]);
            return ends[0];
        } catch (IOException e) {
            return null;
        }
    }

    /** A listening port; closing it makes a blocked accept throw. */
    public final class Listener implements KeyAgreementListener {

        private static final DuplexTransportConnection CLOSED = MemoryConnection.pair(0, 0)[0];

        private final long port;
        private final BlockingQueue<DuplexTransportConnection> incoming = new LinkedBlockingQueue<>();
        private volatile boolean closed;

        private Listener(long port) {
            this.port = port;
        }

        @Override
        public BdfList getDescriptor() {
            return BdfList.of(1, LOOPBACK, port);
        }

        @Override
        public DuplexTransportConnection accept() throws IOException {
            try {
                DuplexTransportConnection c = incoming.take();
                if (c == CLOSED) throw new IOException("The listener is closed");
                return c;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException();
            }
        }

        @Override
        public void close() {
            closed = true;
            listeners.remove(port);
            incoming.add(CLOSED);
        }
    }

    private final class Factory implements DuplexPluginFactory {

        @Override
        public TransportId getId() {
            return TRANSPORT;
        }

        @Override
        public long getMaxLatency() {
            return MAX_LATENCY;
        }

        @Override
        public DuplexPlugin createPlugin(PluginCallback callback) {
            return new Plugin();
        }
    }

    private final class Plugin extends PassivePlugin implements DuplexPlugin {

        Plugin() {
            super(TRANSPORT, MAX_LATENCY, MAX_IDLE_TIME, State.ACTIVE);
        }

        @Override
        public DuplexTransportConnection createConnection(TransportProperties remoteProperties) {
            return null;
        }

        @Override
        public boolean supportsKeyAgreement() {
            return true;
        }

        @Override
        public KeyAgreementListener createKeyAgreementListener(byte[] commitment) {
            return listen();
        }

        @Override
        public DuplexTransportConnection createKeyAgreementConnection(byte[] commitment, BdfList descriptor) {
            return connect(descriptor);
        }
    }
}
