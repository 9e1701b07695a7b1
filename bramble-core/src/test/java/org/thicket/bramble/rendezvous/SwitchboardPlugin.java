package org.thicket.bramble.rendezvous;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.thicket.bramble.plugin.api.ConnectionHandler;
import org.thicket.bramble.plugin.api.DuplexPlugin;
import org.thicket.bramble.plugin.api.DuplexPluginFactory;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.KeyMaterialSource;
import org.thicket.bramble.plugin.api.PluginCallback;
import org.thicket.bramble.plugin.api.PollTarget;
import org.thicket.bramble.plugin.api.RendezvousEndpoint;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.api.TransportProperties;
import org.thicket.bramble.test.MemoryConnection;
import org.thicket.bramble.util.Bytes;

/**
 * A rendezvous transport in memory, built like Tor's: each endpoint takes two 32-byte addresses from the key
 * material, Alice's then Bob's, and listens at its own on a {@link Switchboard} shared by the test's nodes. Alice
 * connects to Bob's address; Bob only listens. So the two meet only if they derived the same key material.
 */
final class SwitchboardPlugin implements DuplexPlugin {

    static final String ADDRESS = "address";

    /**
     * The listening endpoints of every node in a test, by address. Normally only Alice dials; with {@code bothDial}
     * Bob does too, and each dial waits for the other's, so that both connections exist at once.
     */
    static final class Switchboard {
        final Map<String, ConnectionHandler> listeners = new ConcurrentHashMap<>();
        final boolean bothDial;
        final CountDownLatch dials = new CountDownLatch(2);

        Switchboard() {
            this(false);
        }

        Switchboard(boolean bothDial) {
            this.bothDial = bothDial;
        }

        void awaitBothDials() {
            dials.countDown();
            try {
                if (!dials.await(RendezvousTesting.MAX_LATENCY_MS, TimeUnit.MILLISECONDS)) {
                    throw new AssertionError("The other side did not dial");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final Switchboard switchboard;
    private final PluginCallback callback;
    private volatile State state = State.STARTING_STOPPING;

    SwitchboardPlugin(Switchboard switchboard, PluginCallback callback) {
        this.switchboard = switchboard;
        this.callback = callback;
    }

    static DuplexPluginFactory factory(Switchboard switchboard) {
        return new DuplexPluginFactory() {
            @Override
            public TransportId getId() {
                return RendezvousTesting.TRANSPORT;
            }

            @Override
            public long getMaxLatency() {
                return RendezvousTesting.MAX_LATENCY_MS;
            }

            @Override
            public DuplexPlugin createPlugin(PluginCallback callback) {
                return new SwitchboardPlugin(switchboard, callback);
            }
        };
    }

    @Override
    public RendezvousEndpoint createRendezvousEndpoint(KeyMaterialSource keyMaterial, boolean alice,
            ConnectionHandler incoming) {
        String aliceAddress = Bytes.toHex(keyMaterial.getKeyMaterial(32));
        String bobAddress = Bytes.toHex(keyMaterial.getKeyMaterial(32));
        String ours = alice ? aliceAddress : bobAddress;
        switchboard.listeners.put(ours, incoming);
        TransportProperties remote = alice ? new TransportProperties(Map.of(ADDRESS, bobAddress))
                : switchboard.bothDial ? new TransportProperties(Map.of(ADDRESS, aliceAddress))
                : TransportProperties.EMPTY;
        return new RendezvousEndpoint() {
            @Override
            public TransportProperties getRemoteTransportProperties() {
                return remote;
            }

            @Override
            public void close() {
                switchboard.listeners.remove(ours, incoming);
            }
        };
    }

    @Override
    public DuplexTransportConnection createConnection(TransportProperties remoteProperties) {
        String address = remoteProperties.get(ADDRESS);
        ConnectionHandler listener = address == null ? null : switchboard.listeners.get(address);
        if (listener == null) return null;
        if (switchboard.bothDial) switchboard.awaitBothDials();
        MemoryConnection[] pair = MemoryConnection.pair(getMaxLatency(), getMaxIdleTime());
        listener.handleConnection(pair[1]);
        return pair[0];
    }

    @Override
    public boolean supportsRendezvous() {
        return true;
    }

    @Override
    public TransportId getId() {
        return RendezvousTesting.TRANSPORT;
    }

    @Override
    public long getMaxLatency() {
        return RendezvousTesting.MAX_LATENCY_MS;
    }

    @Override
    public long getMaxIdleTime() {
        return RendezvousTesting.MAX_LATENCY_MS;
    }

    @Override
    public void start() {
        state = State.ACTIVE;
        callback.pluginStateChanged(State.ACTIVE);
    }

    @Override
    public void stop() {
        state = State.STARTING_STOPPING;
    }

    @Override
    public State getState() {
        return state;
    }

    @Override
    public int getReasonsDisabled() {
        return 0;
    }

    @Override
    public boolean shouldPoll() {
        return false;
    }

    @Override
    public long getPollingInterval() {
        return RendezvousTesting.MAX_LATENCY_MS;
    }

    @Override
    public void poll(Collection<PollTarget> targets) {
        throw new UnsupportedOperationException("Contacts are not polled over the switchboard");
    }
}
