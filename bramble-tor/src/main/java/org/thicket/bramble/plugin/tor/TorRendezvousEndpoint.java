package org.thicket.bramble.plugin.tor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.ConnectionHandler;
import org.thicket.bramble.plugin.api.KeyMaterialSource;
import org.thicket.bramble.plugin.api.RendezvousEndpoint;
import org.thicket.bramble.plugin.api.TransportProperties;

/**
 * Our side of a rendezvous with a pending contact (BRP, fact sheet §3.8): the key material gives Alice's Ed25519 seed
 * and then Bob's; we publish the onion of our own seed and accept on it, and we try the peer's derived onion at once
 * and then at a fixed interval until closed. Both sides connect: whichever connection gets through first carries
 * the handshake, and the handler sorts out any others.
 */
final class TorRendezvousEndpoint implements RendezvousEndpoint {

    static final int SEED_LENGTH = 32;
    /** How often we try the peer's onion (BRP's one minute). */
    static final long POLLING_INTERVAL_MS = 60_000;

    private final TorController tor;
    private final ServerSocket server;
    private final OnionAddress ourOnion;
    private final TransportProperties remoteProperties;
    private final AtomicBoolean connecting = new AtomicBoolean();
    private volatile ScheduledFuture<?> polling;

    private TorRendezvousEndpoint(TorController tor, ServerSocket server, OnionAddress ourOnion,
            OnionAddress remoteOnion) {
        this.tor = tor;
        this.server = server;
        this.ourOnion = ourOnion;
        this.remoteProperties = TransportProperties.EMPTY.with(TorPlugin.PROP_ONION_V3, remoteOnion.value());
    }

    /**
     * Derives both onions, publishes ours and starts accepting on it.
     *
     * @param acceptLoop starts the loop that hands each accepted socket to the handler
     */
    static TorRendezvousEndpoint open(TorController tor, KeyMaterialSource keyMaterial, boolean alice,
            ConnectionHandler incoming, BiConsumer<ServerSocket, ConnectionHandler> acceptLoop) throws IOException {
        byte[] aliceSeed = keyMaterial.getKeyMaterial(SEED_LENGTH);
        byte[] bobSeed = keyMaterial.getKeyMaterial(SEED_LENGTH);
        ServerSocket server = new ServerSocket();
        try {
            byte[] ourSeed = alice ? aliceSeed : bobSeed;
            OnionAddress remoteOnion = OnionKeys.addressFromSeed(alice ? bobSeed : aliceSeed);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            OnionAddress ourOnion = tor.addOnion(OnionKeys.controlPortKey(ourSeed), server.getLocalPort()).address();
            acceptLoop.accept(server, incoming);
            return new TorRendezvousEndpoint(tor, server, ourOnion, remoteOnion);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        } finally {
            Arrays.fill(aliceSeed, (byte) 0);
            Arrays.fill(bobSeed, (byte) 0);
        }
    }

    /**
     * Tries the peer's onion now and then every {@code intervalMs}, handing each connection made to the handler. An
     * attempt may block for minutes, so a new one starts only when the last has ended.
     */
    void startPolling(ScheduledExecutorService scheduler, Executor ioExecutor,
            Function<TransportProperties, DuplexTransportConnection> connector, ConnectionHandler handler,
            long intervalMs) {
        polling = scheduler.scheduleWithFixedDelay(() -> ioExecutor.execute(() -> {
            if (!connecting.compareAndSet(false, true)) return;
            try {
                DuplexTransportConnection connection = connector.apply(remoteProperties);
                if (connection != null) handler.handleConnection(connection);
            } finally {
                connecting.set(false);
            }
        }), 0, intervalMs, TimeUnit.MILLISECONDS);
    }

    OnionAddress ourOnion() {
        return ourOnion;
    }

    @Override
    public TransportProperties getRemoteTransportProperties() {
        return remoteProperties;
    }

    @Override
    public void close() throws IOException {
        ScheduledFuture<?> task = polling;
        if (task != null) task.cancel(false);
        try {
            tor.removeOnion(ourOnion);
        } finally {
            server.close();
        }
    }
}
