package org.thicket.bramble.plugin.tor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.function.BiConsumer;
import org.thicket.bramble.plugin.api.ConnectionHandler;
import org.thicket.bramble.plugin.api.KeyMaterialSource;
import org.thicket.bramble.plugin.api.RendezvousEndpoint;
import org.thicket.bramble.plugin.api.TransportProperties;

/**
 * Our side of a rendezvous with a pending contact (BRP, fact sheet §3.8): the key material gives Alice's Ed25519 seed
 * and then Bob's; we publish the onion of our own seed and accept on it until closed, and give the peer's derived
 * onion as the remote properties. We never connect out ourselves: BRP's poller does that through
 * {@link TorPlugin#createConnection}, as for every other transport.
 */
final class TorRendezvousEndpoint implements RendezvousEndpoint {

    static final int SEED_LENGTH = 32;

    private final TorController tor;
    private final ServerSocket server;
    private final OnionAddress ourOnion;
    private final TransportProperties remoteProperties;

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

    OnionAddress ourOnion() {
        return ourOnion;
    }

    @Override
    public TransportProperties getRemoteTransportProperties() {
        return remoteProperties;
    }

    @Override
    public void close() throws IOException {
        try {
            tor.removeOnion(ourOnion);
        } finally {
            server.close();
        }
    }
}
