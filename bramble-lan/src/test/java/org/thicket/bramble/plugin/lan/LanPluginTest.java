package org.thicket.bramble.plugin.lan;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.thicket.bramble.plugin.lan.FixedInterfaces.LOOPBACK_4;
import static org.thicket.bramble.plugin.lan.FixedInterfaces.LOOPBACK_4_B;
import static org.thicket.bramble.plugin.lan.FixedInterfaces.LOOPBACK_6;
import static org.thicket.bramble.plugin.lan.LanConstants.PROP_IPV6;
import static org.thicket.bramble.plugin.lan.LanConstants.PROP_IP_PORTS;
import static org.thicket.bramble.plugin.lan.LanConstants.PROP_PORT;
import static org.thicket.bramble.plugin.lan.LanTestSupport.assertCarries;
import static org.thicket.bramble.plugin.lan.LanTestSupport.await;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.plugin.api.ConnectionHandler;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.KeyAgreementListener;
import org.thicket.bramble.plugin.api.Plugin;
import org.thicket.bramble.plugin.api.PollTarget;
import org.thicket.bramble.plugin.api.TransportConnectionReader;
import org.thicket.bramble.plugin.api.TransportConnectionWriter;
import org.thicket.bramble.plugin.api.TransportProperties;
import org.thicket.bramble.settings.api.Settings;
import org.thicket.bramble.test.MemoryPluginCallback;

/** Two LAN plugins in one JVM on real loopback sockets (the loopback setting on unless a test says otherwise). */
class LanPluginTest {

    private static final byte[] COMMITMENT = new byte[16];
    private static final String IPV6_LOOPBACK_HEX = "00000000000000000000000000000001";

    private final LanTestSupport support = new LanTestSupport();

    @AfterEach
    void tearDown() throws Exception {
        support.close();
    }

    @Test
    void connectsBothWaysAndMovesBytes() throws Exception {
        MemoryPluginCallback alice = LanTestSupport.loopbackCallback();
        MemoryPluginCallback bob = LanTestSupport.loopbackCallback();
        LanPlugin alicePlugin = support.start(alice, new FixedInterfaces(LOOPBACK_4));
        LanPlugin bobPlugin = support.start(bob, new FixedInterfaces(LOOPBACK_4));
        assertThat(alicePlugin.getState()).isEqualTo(Plugin.State.ACTIVE);
        assertThat(alice.states()).containsExactly(Plugin.State.ACTIVE);

        DuplexTransportConnection out = support.keep(alicePlugin.createConnection(bob.getLocalProperties()));
        assertThat(out).isNotNull();
        DuplexTransportConnection in = support.keep(bob.incoming().poll(10, SECONDS));
        assertCarries(out, in, "hello bob".getBytes(US_ASCII));
        assertCarries(in, out, "hello alice".getBytes(US_ASCII));

        DuplexTransportConnection back = support.keep(bobPlugin.createConnection(alice.getLocalProperties()));
        assertThat(back).isNotNull();
        DuplexTransportConnection backIn = support.keep(alice.incoming().poll(10, SECONDS));
        assertCarries(back, backIn, "and back".getBytes(US_ASCII));
    }

    @Test
    void connectsOverIpv6WithThePortProperty() throws Exception {
        MemoryPluginCallback alice = LanTestSupport.loopbackCallback();
        MemoryPluginCallback bob = LanTestSupport.loopbackCallback();
        LanPlugin alicePlugin = support.start(alice, new FixedInterfaces(LOOPBACK_6));
        support.start(bob, new FixedInterfaces(LOOPBACK_6));

        TransportProperties bobProperties = bob.getLocalProperties();
        assertThat(bobProperties.get(PROP_IPV6)).isEqualTo(IPV6_LOOPBACK_HEX);
        assertThat(bobProperties.get(PROP_IP_PORTS)).isNull();
        DuplexTransportConnection out = support.keep(alicePlugin.createConnection(bobProperties));
        assertThat(out).isNotNull();
        assertCarries(out, support.keep(bob.incoming().poll(10, SECONDS)), new byte[] {1, 2, 3});
    }

    @Test
    void choosesAPortOnceAndPublishesWhereItListens() throws Exception {
        MemoryPluginCallback callback = new MemoryPluginCallback(
                Settings.EMPTY.withBoolean(LanConstants.PREF_ALLOW_LOOPBACK, true));
        LanPlugin plugin = support.start(callback, new FixedInterfaces(LOOPBACK_4, LOOPBACK_6));

        int port = callback.getSettings().getInt(LanConstants.PREF_PORT, 0);
        assertThat(port).isBetween(LanConstants.MIN_CHOSEN_PORT, LanConstants.MAX_CHOSEN_PORT);
        TransportProperties published = callback.getLocalProperties();
        assertThat(published.get(PROP_PORT)).isEqualTo(Integer.toString(port));
        assertThat(published.get(PROP_IP_PORTS)).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(published.get(PROP_IPV6)).isEqualTo(IPV6_LOOPBACK_HEX);
        assertThat(callback.getSettings().get(LanConstants.PREF_IP_PORTS)).isEqualTo(published.get(PROP_IP_PORTS));
        assertThat(callback.getSettings().get(LanConstants.PREF_IPV6)).isEqualTo(IPV6_LOOPBACK_HEX);

        plugin.stop();
        support.start(callback, new FixedInterfaces(LOOPBACK_4, LOOPBACK_6));
        assertThat(callback.getSettings().getInt(LanConstants.PREF_PORT, 0)).isEqualTo(port);
        assertThat(callback.getLocalProperties()).isEqualTo(published);
    }

    @Test
    void ignoresBadRemoteProperties() throws Exception {
        MemoryPluginCallback alice = LanTestSupport.loopbackCallback();
        MemoryPluginCallback bob = LanTestSupport.loopbackCallback();
        LanPlugin alicePlugin = support.start(alice, new FixedInterfaces(LOOPBACK_4, LOOPBACK_6));
        support.start(bob, new FixedInterfaces(LOOPBACK_4, LOOPBACK_6));
        String bobIpPort = bob.getLocalProperties().get(PROP_IP_PORTS);
        String bobPort = bob.getLocalProperties().get(PROP_PORT);

        List<Map<String, String>> bad = List.of(
                Map.of(PROP_IP_PORTS, "garbage"),
                Map.of(PROP_IP_PORTS, "localhost:" + bobPort),
                Map.of(PROP_IP_PORTS, "127.0.0:" + bobPort),
                Map.of(PROP_IP_PORTS, "127.0.0.256:" + bobPort),
                Map.of(PROP_IP_PORTS, "127.0.0.1:0"),
                Map.of(PROP_IP_PORTS, "127.0.0.1:70000"),
                Map.of(PROP_IP_PORTS, "127.0.0.1:+" + bobPort),
                Map.of(PROP_IP_PORTS, "127.0.0.1:-1"),
                Map.of(PROP_IP_PORTS, "0127.0.0.1:" + bobPort),
                Map.of(PROP_IP_PORTS, ",,:,"),
                Map.of(PROP_IP_PORTS, "9".repeat(TransportProperties.MAX_PROPERTY_LENGTH)),
                Map.of(PROP_IPV6, IPV6_LOOPBACK_HEX),
                Map.of(PROP_IPV6, "zz" + IPV6_LOOPBACK_HEX.substring(2), PROP_PORT, bobPort),
                Map.of(PROP_IPV6, IPV6_LOOPBACK_HEX + "00", PROP_PORT, bobPort),
                Map.of(PROP_IPV6, IPV6_LOOPBACK_HEX, PROP_PORT, "99999"),
                Map.of(PROP_IPV6, IPV6_LOOPBACK_HEX, PROP_PORT, "port"),
                Map.of());
        for (Map<String, String> properties : bad) {
            assertThat(alicePlugin.createConnection(new TransportProperties(properties))).as(properties.toString())
                    .isNull();
        }
        assertThat(bob.incoming()).isEmpty();

        // Bad entries beside a good one are skipped, not fatal.
        DuplexTransportConnection out = support.keep(alicePlugin.createConnection(new TransportProperties(
                Map.of(PROP_IP_PORTS, "junk,999.1.1.1:5," + bobIpPort))));
        assertThat(out).isNotNull();
        support.keep(bob.incoming().poll(10, SECONDS));
    }

    @Test
    void keyAgreementListenerAndConnectionMeet() throws Exception {
        MemoryPluginCallback alice = LanTestSupport.loopbackCallback();
        MemoryPluginCallback bob = LanTestSupport.loopbackCallback();
        LanPlugin alicePlugin = support.start(alice, new FixedInterfaces(LOOPBACK_4));
        LanPlugin bobPlugin = support.start(bob, new FixedInterfaces(LOOPBACK_4));
        assertThat(alicePlugin.supportsKeyAgreement()).isTrue();
        assertThat(alicePlugin.supportsRendezvous()).isFalse();

        KeyAgreementListener listener = alicePlugin.createKeyAgreementListener(COMMITMENT);
        try {
            BdfList descriptor = listener.getDescriptor();
            assertThat(descriptor).hasSize(3);
            assertThat(descriptor.get(0)).isEqualTo(1L);
            assertThat((byte[]) descriptor.get(1)).containsExactly(127, 0, 0, 1);
            long port = (Long) descriptor.get(2);
            assertThat(port).isNotEqualTo(Long.parseLong(alice.getLocalProperties().get(PROP_PORT)));

            DuplexTransportConnection bobSide = support.keep(bobPlugin.createKeyAgreementConnection(COMMITMENT,
                    descriptor));
            assertThat(bobSide).isNotNull();
            DuplexTransportConnection aliceSide = support.keep(listener.accept());
            assertCarries(bobSide, aliceSide, "bob's key".getBytes(US_ASCII));
            assertCarries(aliceSide, bobSide, "alice's key".getBytes(US_ASCII));
        } finally {
            listener.close();
        }
    }

    @Test
    void malformedKeyAgreementDescriptorsGiveNull() throws Exception {
        LanPlugin plugin = support.start(LanTestSupport.loopbackCallback(), new FixedInterfaces(LOOPBACK_4));
        byte[] ip = {127, 0, 0, 1};
        List<BdfList> bad = List.of(
                BdfList.of(),
                BdfList.of(1L),
                BdfList.of(1L, ip),
                BdfList.of(0L, ip, 40_000L),
                BdfList.of(2L, ip, 40_000L),
                BdfList.of(1L, new byte[] {127, 0, 0}, 40_000L),
                BdfList.of(1L, new byte[5], 40_000L),
                BdfList.of(1L, "127.0.0.1", 40_000L),
                BdfList.of(1L, ip, 0L),
                BdfList.of(1L, ip, 65_536L),
                BdfList.of(1L, ip, "40000"),
                BdfList.of(1L, ip, 40_000L, 1L),
                BdfList.of("1", ip, 40_000L));
        for (BdfList descriptor : bad) {
            assertThat(plugin.createKeyAgreementConnection(COMMITMENT, descriptor)).as(descriptor.toString())
                    .isNull();
        }
        assertThat(plugin.createKeyAgreementConnection(COMMITMENT, null)).isNull();
    }

    @Test
    void rebindsWhenTheInterfacesChange() throws Exception {
        MemoryPluginCallback alice = LanTestSupport.loopbackCallback();
        MemoryPluginCallback bob = LanTestSupport.loopbackCallback();
        FixedInterfaces aliceInterfaces = new FixedInterfaces(LOOPBACK_4);
        LanPlugin alicePlugin = support.start(alice, aliceInterfaces);
        LanPlugin bobPlugin = support.start(bob, new FixedInterfaces(LOOPBACK_4));
        String oldIpPort = alice.getLocalProperties().get(PROP_IP_PORTS);
        String port = oldIpPort.substring(oldIpPort.indexOf(':') + 1);

        aliceInterfaces.set(LOOPBACK_4_B);
        support.scheduler.advance(LanConstants.INTERFACE_CHECK_INTERVAL_MS);
        await(() -> alice.getLocalProperties().get(PROP_IP_PORTS).startsWith("127.0.0.2:"));

        assertThat(alice.getLocalProperties().get(PROP_IP_PORTS)).isEqualTo("127.0.0.2:" + port + "," + oldIpPort);
        assertThat(bobPlugin.createConnection(ipPorts(oldIpPort))).isNull();
        DuplexTransportConnection out = support.keep(bobPlugin.createConnection(ipPorts("127.0.0.2:" + port)));
        assertThat(out).isNotNull();
        assertCarries(out, support.keep(alice.incoming().poll(10, SECONDS)), new byte[] {42});

        aliceInterfaces.set();
        support.scheduler.advance(LanConstants.INTERFACE_CHECK_INTERVAL_MS);
        await(() -> alicePlugin.getState() == Plugin.State.INACTIVE);
        aliceInterfaces.set(LOOPBACK_4);
        support.scheduler.advance(LanConstants.INTERFACE_CHECK_INTERVAL_MS);
        await(() -> alicePlugin.getState() == Plugin.State.ACTIVE);
        assertThat(alice.states()).containsExactly(Plugin.State.ACTIVE, Plugin.State.INACTIVE, Plugin.State.ACTIVE);
    }

    @Test
    void usesNoLoopbackAddressUnlessTheSettingAllowsIt() throws Exception {
        MemoryPluginCallback strict = new MemoryPluginCallback(Settings.EMPTY);
        LanPlugin strictPlugin = support.start(strict, new FixedInterfaces(LOOPBACK_4, LOOPBACK_6));
        MemoryPluginCallback bob = LanTestSupport.loopbackCallback();
        LanPlugin bobPlugin = support.start(bob, new FixedInterfaces(LOOPBACK_4, LOOPBACK_6));

        assertThat(strictPlugin.getState()).isEqualTo(Plugin.State.INACTIVE);
        assertThat(strict.getLocalProperties().get(PROP_IP_PORTS)).isNull();
        assertThat(strict.getLocalProperties().get(PROP_IPV6)).isNull();
        assertThat(strictPlugin.createConnection(bob.getLocalProperties())).isNull();
        assertThat(strictPlugin.createKeyAgreementListener(COMMITMENT)).isNull();
        KeyAgreementListener listener = bobPlugin.createKeyAgreementListener(COMMITMENT);
        try {
            assertThat(strictPlugin.createKeyAgreementConnection(COMMITMENT, listener.getDescriptor())).isNull();
        } finally {
            listener.close();
        }
        assertThat(bob.incoming()).isEmpty();
    }

    @Test
    void staysDisabledWhenTheUserSwitchedItOff() throws Exception {
        MemoryPluginCallback callback = new MemoryPluginCallback(Settings.EMPTY.withBoolean(Plugin.PREF_ENABLE, false)
                .withBoolean(LanConstants.PREF_ALLOW_LOOPBACK, true));
        LanPlugin plugin = support.start(callback, new FixedInterfaces(LOOPBACK_4));

        assertThat(plugin.getState()).isEqualTo(Plugin.State.DISABLED);
        assertThat(plugin.getReasonsDisabled()).isEqualTo(Plugin.REASON_USER);
        assertThat(callback.getLocalProperties().isEmpty()).isTrue();
        assertThat(support.scheduler.dueTimes()).isEmpty();
    }

    @Test
    void pollConnectsToEachTargetAndHandsTheConnectionOver() throws Exception {
        LanTestSupport.CountingBackoff backoff = new LanTestSupport.CountingBackoff();
        LanPlugin alicePlugin =
                support.start(LanTestSupport.loopbackCallback(), new FixedInterfaces(LOOPBACK_4), backoff);
        MemoryPluginCallback bob = LanTestSupport.loopbackCallback();
        support.start(bob, new FixedInterfaces(LOOPBACK_4));
        BlockingQueue<DuplexTransportConnection> handed = new LinkedBlockingQueue<>();

        alicePlugin.poll(List.of(new PollTarget(bob.getLocalProperties(), new QueueHandler(handed)),
                new PollTarget(ipPorts("127.0.0.1:1"), new QueueHandler(handed))));

        DuplexTransportConnection out = support.keep(handed.poll(10, SECONDS));
        assertThat(out).isNotNull();
        assertCarries(out, support.keep(bob.incoming().poll(10, SECONDS)), new byte[] {7});
        assertThat(backoff.increments.get()).isEqualTo(1);
        await(() -> backoff.resets.get() >= 1);
    }

    @Test
    void stopClosesTheServerSockets() throws Exception {
        MemoryPluginCallback alice = LanTestSupport.loopbackCallback();
        MemoryPluginCallback bob = LanTestSupport.loopbackCallback();
        LanPlugin alicePlugin = support.start(alice, new FixedInterfaces(LOOPBACK_4));
        LanPlugin bobPlugin = support.start(bob, new FixedInterfaces(LOOPBACK_4));

        alicePlugin.stop();

        assertThat(alicePlugin.getState()).isEqualTo(Plugin.State.STARTING_STOPPING);
        assertThat(bobPlugin.createConnection(alice.getLocalProperties())).isNull();
        assertThat(alicePlugin.createConnection(bob.getLocalProperties())).isNull();
        assertThat(bob.incoming()).isEmpty();
    }

    private static TransportProperties ipPorts(String value) {
        return new TransportProperties(Map.of(PROP_IP_PORTS, value));
    }

    /** Queues the connections a poll hands over. */
    private record QueueHandler(BlockingQueue<DuplexTransportConnection> queue) implements ConnectionHandler {

        @Override
        public void handleConnection(DuplexTransportConnection connection) {
            queue.add(connection);
        }

        @Override
        public void handleReader(TransportConnectionReader reader) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void handleWriter(TransportConnectionWriter writer) {
            throw new UnsupportedOperationException();
        }
    }
}
