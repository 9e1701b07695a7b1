package org.thicket.bramble.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.thicket.bramble.plugin.api.Plugin.State.ACTIVE;
import static org.thicket.bramble.plugin.api.Plugin.State.ENABLING;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.connection.TestRegistries;
import org.thicket.bramble.connection.api.ConnectionClosedEvent;
import org.thicket.bramble.connection.api.ConnectionRegistry;
import org.thicket.bramble.connection.api.InterruptibleConnection;
import org.thicket.bramble.connection.api.TransportPreference;
import org.thicket.bramble.contact.api.ContactAddedEvent;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.plugin.RecordingConnectionManager.Kind;
import org.thicket.bramble.plugin.RecordingConnectionManager.Managed;
import org.thicket.bramble.plugin.TestPlugins.TestDuplexPlugin;
import org.thicket.bramble.plugin.TestPlugins.TestPlugin;
import org.thicket.bramble.plugin.TestPlugins.TestSimplexPlugin;
import org.thicket.bramble.plugin.api.DuplexPlugin;
import org.thicket.bramble.plugin.api.Plugin;
import org.thicket.bramble.plugin.api.PluginManager;
import org.thicket.bramble.plugin.api.PollTarget;
import org.thicket.bramble.plugin.api.SimplexPlugin;
import org.thicket.bramble.plugin.api.TransportActiveEvent;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.api.TransportInactiveEvent;
import org.thicket.bramble.plugin.api.TransportProperties;
import org.thicket.bramble.plugin.api.TransportPropertyStore;
import org.thicket.bramble.properties.api.RemoteTransportPropertiesUpdatedEvent;
import org.thicket.bramble.test.CapturingEventBus;
import org.thicket.bramble.test.ManualScheduler;
import org.thicket.bramble.test.SettableClock;

/**
 * The poller on a manual scheduler and a direct I/O executor: every poll and connection attempt happens inside
 * {@link ManualScheduler#advance} or the reaction that caused it, on the test thread, at a known clock time.
 */
class PollerTest {

    private static final TransportId LAN = new TransportId("org.thicket.test.lan");
    private static final TransportId BLUETOOTH = new TransportId("org.thicket.test.bluetooth");
    private static final TransportId DRIVE = new TransportId("org.thicket.test.drive");
    private static final ContactId ALICE = new ContactId(1);
    private static final ContactId BOB = new ContactId(2);
    private static final ContactId CAROL = new ContactId(3);
    private static final TransportProperties ALICE_LAN = new TransportProperties(Map.of("ipPorts", "10.0.0.1:1"));
    private static final TransportProperties BOB_LAN = new TransportProperties(Map.of("ipPorts", "10.0.0.2:2"));

    private final SettableClock clock = new SettableClock();
    private final long start = clock.currentTimeMillis();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final CapturingEventBus bus = new CapturingEventBus();
    private final RecordingConnectionManager connectionManager = new RecordingConnectionManager();
    private final ConnectionRegistry registry =
            TestRegistries.create(new CapturingEventBus(), new TransportPreference(LAN, BLUETOOTH));
    private final FakeProperties properties = new FakeProperties();
    private final FakePlugins plugins = new FakePlugins();
    private final Poller poller = new Poller(plugins, connectionManager, registry, properties, bus, Runnable::run,
            scheduler, clock);

    private final TestDuplexPlugin lan = plugins.duplex(LAN);

    /** Remote properties as the tests set them. */
    private static final class FakeProperties implements TransportPropertyStore {
        final Map<TransportId, Map<ContactId, TransportProperties>> remote = new HashMap<>();

        void put(ContactId contactId, TransportId transportId, TransportProperties p) {
            remote.computeIfAbsent(transportId, t -> new HashMap<>()).put(contactId, p);
        }

        @Override
        public TransportProperties getLocalProperties(TransportId transportId) {
            return TransportProperties.EMPTY;
        }

        @Override
        public void mergeLocalProperties(TransportId transportId, TransportProperties update) {
            throw new UnsupportedOperationException("The poller only reads contacts' properties");
        }

        @Override
        public Map<ContactId, TransportProperties> getRemoteProperties(TransportId transportId) {
            return Map.copyOf(remote.getOrDefault(transportId, Map.of()));
        }

        @Override
        public TransportProperties getRemoteProperties(ContactId contactId, TransportId transportId) {
            return remote.getOrDefault(transportId, Map.of()).getOrDefault(contactId, TransportProperties.EMPTY);
        }
    }

    /** A plugin manager holding test plugins; they have no callback, so their state is set directly. */
    private static final class FakePlugins implements PluginManager {
        final Map<TransportId, Plugin> byId = new HashMap<>();

        TestDuplexPlugin duplex(TransportId id) {
            TestDuplexPlugin plugin = new TestDuplexPlugin(id, null);
            byId.put(id, plugin);
            return plugin;
        }

        TestSimplexPlugin simplex(TransportId id) {
            TestSimplexPlugin plugin = new TestSimplexPlugin(id, null);
            byId.put(id, plugin);
            return plugin;
        }

        @Override
        public Plugin getPlugin(TransportId transportId) {
            return byId.get(transportId);
        }

        @Override
        public List<DuplexPlugin> getDuplexPlugins() {
            return byId.values().stream().filter(DuplexPlugin.class::isInstance).map(DuplexPlugin.class::cast)
                    .toList();
        }

        @Override
        public List<SimplexPlugin> getSimplexPlugins() {
            return byId.values().stream().filter(SimplexPlugin.class::isInstance).map(SimplexPlugin.class::cast)
                    .toList();
        }
    }

    private void activate(TestPlugin plugin) {
        plugin.state = ACTIVE;
        poller.transportActive(plugin.getId());
    }

    /** A new handle every time (a lambda without captures would be one shared instance). */
    private static InterruptibleConnection handle() {
        return new InterruptibleConnection() {
            @Override
            public void interruptOutgoingSession() {
            }
        };
    }

    @Test
    void pollsATransportAsSoonAsItIsActiveThenOnItsBackoff() {
        lan.state = ACTIVE;
        poller.transportActive(LAN);
        assertThat(scheduler.dueTimes()).containsExactly(start);

        scheduler.runDueTasks();
        assertThat(lan.polls).hasSize(1);
        assertThat(scheduler.dueTimes()).containsExactly(start + 72_000); // the backoff grew with the first poll

        scheduler.advance(71_999);
        assertThat(lan.polls).hasSize(1);
        scheduler.advance(1);
        assertThat(lan.polls).hasSize(2);
        assertThat(scheduler.dueTimes()).containsExactly(start + 72_000 + 86_400);
    }

    @Test
    void pollsEachContactWithPropertiesThatIsNotConnectedAndHandsTheConnectionOverForThatContact() {
        properties.put(ALICE, LAN, ALICE_LAN);
        properties.put(BOB, LAN, BOB_LAN);
        properties.put(CAROL, LAN, TransportProperties.EMPTY);
        registry.registerIncomingConnection(BOB, LAN, handle(), true);

        activate(lan);
        scheduler.runDueTasks();

        assertThat(lan.polls).hasSize(1);
        List<PollTarget> targets = lan.polls.get(0);
        assertThat(targets).extracting(PollTarget::remoteProperties).containsExactly(ALICE_LAN);
        assertThat(connectionManager.managed).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(Kind.OUTGOING_DUPLEX);
            assertThat(m.contactId()).isEqualTo(ALICE);
            assertThat(m.transportId()).isEqualTo(LAN);
        });
    }

    @Test
    void aContactConnectedOverAPreferredTransportIsNotPolledOverAWorseOne() {
        TestDuplexPlugin bluetooth = plugins.duplex(BLUETOOTH);
        properties.put(ALICE, BLUETOOTH, ALICE_LAN);
        registry.registerOutgoingConnection(ALICE, LAN, handle(), true);

        activate(bluetooth);
        scheduler.runDueTasks();

        assertThat(bluetooth.polls).containsExactly(List.of());
        poller.contactAdded(ALICE);
        assertThat(bluetooth.connectAttempts).isEmpty();
    }

    @Test
    void anOpenedConnectionBringsTheNextPollForwardToTheResetBackoff() {
        activate(lan);
        for (int i = 0; i < 5; i++) scheduler.advance(scheduler.dueTimes().get(0) - clock.currentTimeMillis());
        long now = clock.currentTimeMillis();
        assertThat(scheduler.dueTimes()).containsExactly(now + lan.getPollingInterval());
        assertThat(lan.getPollingInterval()).isEqualTo(149_299);

        lan.backoff.reset(); // as the plugin does when it makes or takes a connection
        poller.connectionOpened(LAN);

        assertThat(scheduler.dueTimes()).containsExactly(now + 60_000);
    }

    @Test
    void reschedulingNeverPutsAPollOff() {
        activate(lan);
        scheduler.runDueTasks();
        long due = scheduler.dueTimes().get(0);
        for (int i = 0; i < 20; i++) lan.backoff.increment();

        poller.connectionClosed(ALICE, LAN, true, false);
        poller.connectionOpened(LAN);

        assertThat(scheduler.dueTimes()).as("the poll, and the retry of the contact left unconnected")
                .containsExactlyInAnyOrder(due, clock.currentTimeMillis() + Poller.RECONNECT_DELAY_MS);
    }

    @Test
    void anInactiveTransportIsNotPolled() {
        activate(lan);
        scheduler.runDueTasks();

        lan.state = ENABLING;
        poller.transportInactive(LAN);
        assertThat(scheduler.dueTimes()).isEmpty();
        scheduler.advance(3_600_000);
        poller.connectionOpened(LAN);

        assertThat(lan.polls).hasSize(1);
        assertThat(scheduler.dueTimes()).isEmpty();
    }

    @Test
    void aTransportThatDoesNotPollIsNeverScheduled() {
        lan.shouldPoll = false;
        activate(lan);
        poller.connectionOpened(LAN);
        assertThat(scheduler.dueTimes()).isEmpty();
    }

    @Test
    void aNewContactIsTriedAtOnceOnEveryActiveTransportThatPolls() {
        TestSimplexPlugin drive = plugins.simplex(DRIVE);
        TestDuplexPlugin bluetooth = plugins.duplex(BLUETOOTH);
        lan.state = ACTIVE;
        drive.state = ACTIVE;
        bluetooth.state = ENABLING;
        properties.put(ALICE, LAN, ALICE_LAN);
        properties.put(ALICE, DRIVE, ALICE_LAN);
        properties.put(ALICE, BLUETOOTH, ALICE_LAN);

        poller.contactAdded(ALICE);

        assertThat(lan.connectAttempts).containsExactly(ALICE_LAN);
        assertThat(drive.connectAttempts).containsExactly(ALICE_LAN);
        assertThat(bluetooth.connectAttempts).isEmpty();
        assertThat(connectionManager.managed).extracting(Managed::kind, Managed::contactId, Managed::transportId)
                .containsExactlyInAnyOrder(
                        tuple(Kind.OUTGOING_DUPLEX, ALICE, LAN),
                        tuple(Kind.OUTGOING_WRITER, ALICE, DRIVE));
    }

    @Test
    void aNewContactIsTriedAgainOnDuplexTransportsAfterFiveFifteenAndThirtySecondsUntilConnected() {
        TestSimplexPlugin drive = plugins.simplex(DRIVE);
        lan.state = ACTIVE;
        drive.state = ACTIVE;
        properties.put(ALICE, LAN, ALICE_LAN);
        properties.put(ALICE, DRIVE, ALICE_LAN);
        poller.contactAdded(ALICE);
        assertThat(lan.connectAttempts).hasSize(1);

        scheduler.advance(5_000);
        assertThat(lan.connectAttempts).as("after 5 s").hasSize(2);
        scheduler.advance(10_000);
        assertThat(lan.connectAttempts).as("after 15 s").hasSize(3);
        registry.registerIncomingConnection(ALICE, LAN, handle(), true);
        scheduler.advance(15_000);
        assertThat(lan.connectAttempts).as("connected by 30 s: not tried").hasSize(3);
        assertThat(drive.connectAttempts).as("a stream is written once").hasSize(1);
    }

    @Test
    void aNewContactWithoutPropertiesOrAlreadyConnectedIsNotTried() {
        lan.state = ACTIVE;
        poller.contactAdded(ALICE);
        properties.put(BOB, LAN, BOB_LAN);
        registry.registerIncomingConnection(BOB, LAN, handle(), true);
        poller.contactAdded(BOB);
        assertThat(lan.connectAttempts).isEmpty();
    }

    @Test
    void aContactWhosePropertiesChangedIsTriedAtOnceOnThatTransportOnly() {
        TestDuplexPlugin bluetooth = plugins.duplex(BLUETOOTH);
        lan.state = ACTIVE;
        bluetooth.state = ACTIVE;
        properties.put(ALICE, LAN, ALICE_LAN);
        properties.put(ALICE, BLUETOOTH, ALICE_LAN);
        poller.startService();

        bus.broadcast(new RemoteTransportPropertiesUpdatedEvent(ALICE, LAN));

        assertThat(lan.connectAttempts).containsExactly(ALICE_LAN);
        assertThat(bluetooth.connectAttempts).isEmpty();
        assertThat(connectionManager.managed).extracting(Managed::kind, Managed::contactId, Managed::transportId)
                .containsExactly(tuple(Kind.OUTGOING_DUPLEX, ALICE, LAN));
        poller.stopService();
    }

    @Test
    void aFailedConnectionIsRetriedAfterTheDelayNeverAtOnceSoARefusingPeerCannotMakeUsSpin() {
        lan.state = ACTIVE;
        properties.put(ALICE, LAN, ALICE_LAN);

        poller.connectionClosed(ALICE, LAN, false, true);
        assertThat(lan.connectAttempts).as("not at once").isEmpty();

        scheduler.advance(Poller.RECONNECT_DELAY_MS);
        assertThat(lan.connectAttempts).containsExactly(ALICE_LAN);
    }

    @Test
    void aContactLeftWithoutAConnectionIsTriedAgainAfterTheDelayUnlessConnectedMeanwhile() {
        lan.state = ACTIVE;
        properties.put(ALICE, LAN, ALICE_LAN);
        properties.put(BOB, LAN, BOB_LAN);
        registry.registerIncomingConnection(CAROL, LAN, handle(), true);

        poller.connectionClosed(ALICE, LAN, true, false);
        poller.connectionClosed(BOB, LAN, false, false);
        poller.connectionClosed(CAROL, LAN, true, false);
        registry.registerIncomingConnection(BOB, LAN, handle(), true);
        assertThat(lan.connectAttempts).isEmpty();

        scheduler.advance(Poller.RECONNECT_DELAY_MS);
        assertThat(lan.connectAttempts).as("Alice only: Bob reconnected, Carol still has a connection")
                .containsExactly(ALICE_LAN);
    }

    @Test
    void asAServiceItReactsToEventsUntilStopped() {
        lan.state = ACTIVE;
        properties.put(ALICE, LAN, ALICE_LAN);
        poller.startService();

        bus.broadcast(new TransportActiveEvent(LAN));
        assertThat(scheduler.dueTimes()).containsExactly(start);
        bus.broadcast(new TransportInactiveEvent(LAN));
        assertThat(scheduler.dueTimes()).isEmpty();
        bus.broadcast(new ConnectionClosedEvent(ALICE, LAN, false, true));
        scheduler.advance(Poller.RECONNECT_DELAY_MS);
        assertThat(lan.connectAttempts).containsExactly(ALICE_LAN);
        bus.broadcast(new TransportActiveEvent(LAN));
        bus.broadcast(new ContactAddedEvent(ALICE, true));
        assertThat(lan.connectAttempts).as("a new contact is tried at once").containsExactly(ALICE_LAN, ALICE_LAN);

        poller.stopService();
        assertThat(scheduler.dueTimes()).isEmpty();
        bus.broadcast(new TransportActiveEvent(LAN));
        assertThat(scheduler.dueTimes()).isEmpty();
    }
}
