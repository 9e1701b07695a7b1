package org.thicket.bramble.plugin.tor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.Plugin;
import org.thicket.bramble.plugin.api.RendezvousEndpoint;
import org.thicket.bramble.plugin.api.TransportProperties;
import org.thicket.bramble.plugin.tor.api.TorStatusEvent;
import org.thicket.bramble.plugin.tor.privnet.PrivateTorNetwork;
import org.thicket.bramble.settings.api.Settings;
import org.thicket.bramble.test.MemoryPluginCallback;

/**
 * Two Tor plugins, each with its own tor, on one private Tor network shared by the class (starting it is the slow
 * part): onion connections both ways, a rendezvous, the network switch, and a restart that keeps the onion address.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TorPluginIntegrationTest {

    private static final Duration BOOTSTRAP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(120);
    /**
     * tor gives up on a stream that waits for a circuit after this many seconds (120 by default). Shorter here so a
     * connect to a just-restarted onion, which can stall on the stale descriptor, fails soon and is retried after the
     * plugin has refetched the descriptor.
     */
    private static final String SOCKS_TIMEOUT_LINE = "SocksTimeout 20";
    private static final Duration IO_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path tempDir;

    private static PrivateTorNetwork network;
    private static ExecutorService ioExecutor;
    private static TorTestNode alice;
    private static TorTestNode bob;

    @BeforeAll
    static void startNetwork() throws Exception {
        Path tor = PrivateTorNetwork.findTor();
        Assumptions.assumeTrue(tor != null,
                "No tor with tor-gencert on this machine (apt-get install tor): skipping the Tor network tests");
        ioExecutor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "tor-test-io");
            thread.setDaemon(true);
            return thread;
        });
        network = PrivateTorNetwork.start(tor);
        List<String> clientLines = new ArrayList<>(network.clientTorrcLines());
        clientLines.add(SOCKS_TIMEOUT_LINE);
        alice = new TorTestNode(tempDir.resolve("alice"), tor, clientLines, ioExecutor);
        bob = new TorTestNode(tempDir.resolve("bob"), tor, clientLines, ioExecutor);
        alice.start();
        bob.start();
        assertThat(alice.awaitState(Plugin.State.ACTIVE, BOOTSTRAP_TIMEOUT)).isTrue();
        assertThat(bob.awaitState(Plugin.State.ACTIVE, BOOTSTRAP_TIMEOUT)).isTrue();
    }

    @AfterAll
    static void stopNetwork() throws InterruptedException {
        if (alice != null) alice.stop();
        if (bob != null) bob.stop();
        if (network != null) network.close();
        if (ioExecutor != null) {
            ioExecutor.shutdownNow();
            ioExecutor.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(1)
    void publishesAValidOnionAndReportsBootstrapInEvents() {
        assertThat(OnionAddress.parseOrNull(alice.localProperties().get(TorPlugin.PROP_ONION_V3))).isNotNull();
        assertThat(alice.plugin().getOnionAddress()).isEqualTo(alice.localProperties().get(TorPlugin.PROP_ONION_V3));
        assertThat(alice.plugin().getStatus().bootstrapPercent()).isEqualTo(100);
        assertThat(alice.eventBus().events()).filteredOn(TorStatusEvent.class::isInstance)
                .map(e -> ((TorStatusEvent) e).status().bootstrapPercent()).contains(100);
    }

    @Test
    @Order(2)
    void bytesFlowBothWaysOverAnOnionConnection() throws Exception {
        DuplexTransportConnection outgoing = bob.connect(alice.localProperties(), CONNECT_TIMEOUT);
        assertThat(outgoing).as("Bob reaches Alice's onion").isNotNull();
        DuplexTransportConnection incoming = alice.awaitIncoming(IO_TIMEOUT);
        assertThat(incoming).as("Alice accepts Bob's connection").isNotNull();
        exchange(outgoing, incoming);
    }

    @Test
    @Order(3)
    void rendezvousEndpointsPublishDerivedOnionsAndConnect() throws Exception {
        byte[] material = new byte[64];
        for (int i = 0; i < material.length; i++) material[i] = (byte) (i * 7 + 1);
        MemoryPluginCallback aliceHandler =
                new MemoryPluginCallback(Settings.EMPTY, alice.eventBus(), TorPlugin.ID);
        MemoryPluginCallback bobHandler = new MemoryPluginCallback(Settings.EMPTY, bob.eventBus(), TorPlugin.ID);
        RendezvousEndpoint aliceEnd = alice.plugin().createRendezvousEndpoint(new FixedKeyMaterial(material), true,
                aliceHandler);
        RendezvousEndpoint bobEnd = bob.plugin().createRendezvousEndpoint(new FixedKeyMaterial(material), false,
                bobHandler);
        try {
            assertThat(bobEnd.getRemoteTransportProperties().get(TorPlugin.PROP_ONION_V3))
                    .isEqualTo(((TorRendezvousEndpoint) aliceEnd).ourOnion().value());
            assertThat(aliceEnd.getRemoteTransportProperties().get(TorPlugin.PROP_ONION_V3))
                    .isEqualTo(((TorRendezvousEndpoint) bobEnd).ourOnion().value());
            // The endpoints only publish and accept; BRP's poller connects, as Bob does here.
            DuplexTransportConnection outgoing = bob.connect(bobEnd.getRemoteTransportProperties(), CONNECT_TIMEOUT);
            assertThat(outgoing).as("Bob reaches Alice's rendezvous onion").isNotNull();
            DuplexTransportConnection incoming = aliceHandler.awaitIncoming(IO_TIMEOUT);
            assertThat(incoming).as("Alice's endpoint accepts it").isNotNull();
            exchange(outgoing, incoming);
        } finally {
            aliceEnd.close();
            bobEnd.close();
        }
    }

    @Test
    @Order(4)
    void networkCanBeSwitchedOffAndOn() throws Exception {
        bob.setNetworkEnabled(false);
        assertThat(bob.awaitState(Plugin.State.DISABLED, IO_TIMEOUT)).isTrue();
        assertThat(bob.plugin().getReasonsDisabled()).isEqualTo(Plugin.REASON_USER);
        assertThat(bob.plugin().createConnection(alice.localProperties())).isNull();
        bob.setNetworkEnabled(true);
        assertThat(bob.awaitState(Plugin.State.ACTIVE, BOOTSTRAP_TIMEOUT)).isTrue();
    }

    @Test
    @Order(5)
    void aRestartedPluginKeepsItsOnionAndCanBeReachedAgain() throws Exception {
        TransportProperties before = alice.localProperties();
        int published = alice.onionsPublished();
        alice.stop();
        alice.start();
        assertThat(alice.awaitState(Plugin.State.ACTIVE, BOOTSTRAP_TIMEOUT)).isTrue();
        assertThat(alice.localProperties()).isEqualTo(before);
        // Bob's tor still holds the descriptor with the old introduction points: until Alice's new one is on the
        // directories, refetching it (which the plugin does after a failed connect) would only bring the old one.
        assertThat(alice.awaitOnionsPublished(published, BOOTSTRAP_TIMEOUT)).as("Alice's descriptor published")
                .isTrue();
        DuplexTransportConnection outgoing = bob.connect(alice.localProperties(), CONNECT_TIMEOUT);
        assertThat(outgoing).as("Bob reaches the restarted Alice").isNotNull();
        DuplexTransportConnection incoming = alice.awaitIncoming(IO_TIMEOUT);
        assertThat(incoming).isNotNull();
        exchange(outgoing, incoming);
    }

    private static void exchange(DuplexTransportConnection a, DuplexTransportConnection b) throws IOException {
        try {
            send(a, "hello from the dialer");
            assertThat(receive(b, "hello from the dialer".length())).isEqualTo("hello from the dialer");
            send(b, "and back from the onion");
            assertThat(receive(a, "and back from the onion".length())).isEqualTo("and back from the onion");
        } finally {
            a.close(false);
            b.close(false);
        }
    }

    private static void send(DuplexTransportConnection connection, String text) throws IOException {
        OutputStream out = connection.getWriter().getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String receive(DuplexTransportConnection connection, int length) throws IOException {
        InputStream in = connection.getReader().getInputStream();
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static final class FixedKeyMaterial implements org.thicket.bramble.plugin.api.KeyMaterialSource {

        private final byte[] material;
        private int offset;

        FixedKeyMaterial(byte[] material) {
            this.material = material.clone();
        }

        @Override
        public byte[] getKeyMaterial(int length) {
            byte[] piece = java.util.Arrays.copyOfRange(material, offset, offset + length);
            offset += length;
            return piece;
        }
    }
}
