package org.thicket.bramble.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.connection.api.ConnectionClosedEvent;
import org.thicket.bramble.connection.api.ConnectionOpenedEvent;
import org.thicket.bramble.connection.api.ContactConnectedEvent;
import org.thicket.bramble.connection.api.ContactDisconnectedEvent;
import org.thicket.bramble.connection.api.InterruptibleConnection;
import org.thicket.bramble.connection.api.TransportPreference;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.PendingContactId;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.sync.api.Priority;
import org.thicket.bramble.sync.api.SyncConstants;
import org.thicket.bramble.test.CapturingEventBus;
import org.thicket.bramble.test.Vectors;

class ConnectionRegistryImplTest {

    private static final TransportId LAN = new TransportId("org.thicket.test.lan");
    private static final TransportId BLUETOOTH = new TransportId("org.thicket.test.bluetooth");
    private static final TransportId TOR = new TransportId("org.thicket.test.tor");
    private static final ContactId ALICE = new ContactId(1);
    private static final ContactId BOB = new ContactId(2);
    private static final Set<TransportPreference> LAN_OVER_BLUETOOTH =
            Set.of(new TransportPreference(LAN, BLUETOOTH));

    private final CapturingEventBus bus = new CapturingEventBus();
    private final ConnectionRegistryImpl registry = new ConnectionRegistryImpl(bus, Set.of());

    /** A connection's handle that counts how often it was interrupted. */
    private static final class Handle implements InterruptibleConnection {
        final AtomicInteger interrupts = new AtomicInteger();

        @Override
        public void interruptOutgoingSession() {
            interrupts.incrementAndGet();
        }

        boolean interrupted() {
            return interrupts.get() > 0;
        }
    }

    private static Priority priority(int firstByte) {
        byte[] nonce = new byte[SyncConstants.PRIORITY_NONCE_BYTES];
        nonce[0] = (byte) firstByte;
        return new Priority(nonce);
    }

    @Test
    void theFirstConnectionConnectsAContactAndTheLastDisconnectsIt() {
        Handle lan = new Handle();
        Handle bluetooth = new Handle();

        registry.registerOutgoingConnection(ALICE, LAN, lan, true);
        registry.registerIncomingConnection(ALICE, BLUETOOTH, bluetooth, true);
        registry.unregisterConnection(ALICE, LAN, lan, true);
        registry.unregisterConnection(ALICE, BLUETOOTH, bluetooth, false);

        assertThat(bus.events()).containsExactly(
                new ConnectionOpenedEvent(ALICE, LAN, false), new ContactConnectedEvent(ALICE),
                new ConnectionOpenedEvent(ALICE, BLUETOOTH, true),
                new ConnectionClosedEvent(ALICE, LAN, false, true),
                new ConnectionClosedEvent(ALICE, BLUETOOTH, true, false), new ContactDisconnectedEvent(ALICE));
    }

    @Test
    void answersWhoIsConnectedOverWhat() {
        ConnectionRegistryImpl preferring = new ConnectionRegistryImpl(bus, LAN_OVER_BLUETOOTH);
        preferring.registerOutgoingConnection(ALICE, LAN, new Handle(), true);
        preferring.registerIncomingConnection(BOB, BLUETOOTH, new Handle(), false);

        assertThat(preferring.isConnected(ALICE)).isTrue();
        assertThat(preferring.isConnected(ALICE, LAN)).isTrue();
        assertThat(preferring.isConnected(ALICE, BLUETOOTH)).isFalse();
        assertThat(preferring.isConnected(new ContactId(3))).isFalse();
        assertThat(preferring.getConnectedContacts(LAN)).containsExactly(ALICE);
        assertThat(preferring.getConnectedContacts(BLUETOOTH)).containsExactly(BOB);
        assertThat(preferring.getConnectedContacts(TOR)).isEmpty();
        assertThat(preferring.getConnectedOrPreferredContacts(BLUETOOTH)).containsExactlyInAnyOrder(ALICE, BOB);
        assertThat(preferring.getConnectedOrPreferredContacts(LAN)).containsExactly(ALICE);
    }

    @Test
    void misuseIsRefused() {
        Handle simplex = new Handle();
        Handle duplex = new Handle();
        registry.registerOutgoingConnection(ALICE, LAN, simplex, false);
        registry.registerOutgoingConnection(ALICE, LAN, duplex, true);
        registry.setPriority(ALICE, LAN, duplex, priority(1));

        assertThatThrownBy(() -> registry.registerIncomingConnection(ALICE, TOR, duplex, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.registerIncomingConnection(BOB, LAN, duplex, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.setPriority(ALICE, LAN, simplex, priority(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.setPriority(ALICE, LAN, duplex, priority(2)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> registry.unregisterConnection(ALICE, TOR, duplex, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.unregisterConnection(BOB, LAN, duplex, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.setPriority(BOB, LAN, new Handle(), priority(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(registry.isConnected(BOB)).isFalse();
    }

    @Test
    void ofTwoDuplexConnectionsOverOneTransportTheLowerPriorityIsInterruptedOnce() {
        Handle low = new Handle();
        Handle high = new Handle();
        registry.registerOutgoingConnection(ALICE, LAN, low, true);
        registry.setPriority(ALICE, LAN, low, priority(0x10));
        registry.registerIncomingConnection(ALICE, LAN, high, true);
        assertThat(low.interrupted()).isFalse(); // the incoming one's priority is not known yet

        registry.setPriority(ALICE, LAN, high, priority(0x20));
        Handle later = new Handle();
        registry.registerIncomingConnection(ALICE, LAN, later, true);
        registry.setPriority(ALICE, LAN, later, priority(0x30));

        assertThat(low.interrupts).hasValue(1);
        assertThat(high.interrupts).hasValue(1);
        assertThat(later.interrupted()).isFalse();
        assertThat(bus.events(ContactDisconnectedEvent.class)).isEmpty(); // interrupting is not unregistering
    }

    @Test
    void connectionsOverOtherTransportsOrToOtherContactsOrSimplexAreNotRivals() {
        Handle lan = new Handle();
        Handle tor = new Handle();
        Handle bob = new Handle();
        Handle simplex = new Handle();
        registry.registerOutgoingConnection(ALICE, LAN, lan, true);
        registry.registerOutgoingConnection(ALICE, TOR, tor, true);
        registry.registerOutgoingConnection(BOB, LAN, bob, true);
        registry.registerOutgoingConnection(ALICE, LAN, simplex, false);
        registry.setPriority(ALICE, LAN, lan, priority(1));
        registry.setPriority(ALICE, TOR, tor, priority(2));
        registry.setPriority(BOB, LAN, bob, priority(3));

        assertThat(List.of(lan, tor, bob, simplex)).noneMatch(Handle::interrupted);
    }

    @Test
    void equalPrioritiesAreBothKept() {
        Handle first = new Handle();
        Handle second = new Handle();
        registry.registerOutgoingConnection(ALICE, LAN, first, true);
        registry.registerIncomingConnection(ALICE, LAN, second, true);
        registry.setPriority(ALICE, LAN, first, priority(7));
        registry.setPriority(ALICE, LAN, second, priority(7));
        assertThat(first.interrupted() || second.interrupted()).isFalse();
    }

    @Test
    void anInterruptedConnectionNoLongerCompetes() {
        Handle doomed = new Handle();
        Handle winner = new Handle();
        registry.registerOutgoingConnection(ALICE, LAN, doomed, true);
        registry.registerIncomingConnection(ALICE, LAN, winner, true);
        registry.setPriority(ALICE, LAN, doomed, priority(0x01));
        registry.setPriority(ALICE, LAN, winner, priority(0x02));
        registry.unregisterConnection(ALICE, LAN, winner, true);

        // The interrupted connection is still closing; a fresh one does not lose to it.
        Handle fresh = new Handle();
        registry.registerOutgoingConnection(ALICE, LAN, fresh, true);
        registry.setPriority(ALICE, LAN, fresh, priority(0x00));

        assertThat(doomed.interrupts).hasValue(1);
        assertThat(fresh.interrupted()).isFalse();
    }

    // ---- Both peers ----------------------------------------------------------------------------------------------

    /** One registry step on one peer for one of the two connections. */
    private record Step(int connection, boolean priority) {
    }

    /** Every order of the two connections' steps on one peer in which each registration precedes its priority. */
    private static List<List<Step>> interleavings() {
        List<List<Step>> all = new ArrayList<>();
        interleave(new ArrayList<>(), new int[] {0, 0}, all);
        return all;
    }

    private static void interleave(List<Step> prefix, int[] done, List<List<Step>> all) {
        if (done[0] == 2 && done[1] == 2) {
            all.add(List.copyOf(prefix));
            return;
        }
        for (int c = 0; c < 2; c++) {
            if (done[c] == 2) continue;
            prefix.add(new Step(c, done[c] == 1));
            done[c]++;
            interleave(prefix, done, all);
            done[c]--;
            prefix.remove(prefix.size() - 1);
        }
    }

    /**
     * Replays one peer's view: connection 0 was opened by Alice's device, connection 1 by Bob's, so on each device
     * one is outgoing and the other incoming. Returns which of the two it interrupted.
     */
    private static boolean[] replay(boolean alicesDevice, List<Step> order, Priority[] priorities,
            TransportId[] transports, Set<TransportPreference> preferences) {
        ConnectionRegistryImpl peer = new ConnectionRegistryImpl(new CapturingEventBus(), preferences);
        ContactId other = new ContactId(alicesDevice ? 2 : 1);
        Handle[] handles = {new Handle(), new Handle()};
        for (Step step : order) {
            int c = step.connection();
            if (step.priority()) {
                peer.setPriority(other, transports[c], handles[c], priorities[c]);
            } else if ((c == 0) == alicesDevice) {
                peer.registerOutgoingConnection(other, transports[c], handles[c], true);
            } else {
                peer.registerIncomingConnection(other, transports[c], handles[c], true);
            }
        }
        return new boolean[] {handles[0].interrupted(), handles[1].interrupted()};
    }

    /** Checks every pair of event orders on the two devices; returns what both agreed to interrupt. */
    private static boolean[] bothPeersAgree(Priority[] priorities, TransportId[] transports,
            Set<TransportPreference> preferences) {
        List<List<Step>> orders = interleavings();
        boolean[] agreed = replay(true, orders.get(0), priorities, transports, preferences);
        for (List<Step> aliceOrder : orders) {
            for (List<Step> bobOrder : orders) {
                assertThat(replay(true, aliceOrder, priorities, transports, preferences)).containsExactly(agreed);
                assertThat(replay(false, bobOrder, priorities, transports, preferences)).containsExactly(agreed);
            }
        }
        return agreed;
    }

    @Test
    void bothPeersInterruptTheSameConnectionForEveryVectorInEveryOrder() {
        List<JsonNode> vectors = Vectors.load("connections-priority");
        TransportId[] sameTransport = {LAN, LAN};
        for (JsonNode v : vectors) {
            Priority[] priorities = {new Priority(Vectors.hex(v, "firstNonceHex")),
                    new Priority(Vectors.hex(v, "secondNonceHex"))};
            boolean[] interrupted = bothPeersAgree(priorities, sameTransport, Set.of());
            boolean[] expected = switch (v.get("kept").asText()) {
                case "first" -> new boolean[] {false, true};
                case "second" -> new boolean[] {true, false};
                case "both" -> new boolean[] {false, false};
                default -> throw new IllegalArgumentException(v.toString());
            };
            assertThat(interrupted).as(v.get("name").asText()).containsExactly(expected);
        }
    }

    @Test
    void bothPeersInterruptTheSameConnectionForRandomNonces() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 50; i++) {
            byte[] a = new byte[SyncConstants.PRIORITY_NONCE_BYTES];
            byte[] b = new byte[SyncConstants.PRIORITY_NONCE_BYTES];
            random.nextBytes(a);
            random.nextBytes(b);
            boolean[] interrupted = bothPeersAgree(new Priority[] {new Priority(a), new Priority(b)},
                    new TransportId[] {LAN, LAN}, Set.of());
            assertThat(interrupted[0] ^ interrupted[1]).isTrue();
        }
    }

    @Test
    void aPreferredTransportWinsOnBothPeersWhicheverConnectionCameFirst() {
        Priority[] priorities = {priority(0x01), priority(0xFF)}; // the priorities would pick the other one
        assertThat(bothPeersAgree(priorities, new TransportId[] {LAN, BLUETOOTH}, LAN_OVER_BLUETOOTH))
                .containsExactly(false, true);
        assertThat(bothPeersAgree(priorities, new TransportId[] {BLUETOOTH, LAN}, LAN_OVER_BLUETOOTH))
                .containsExactly(true, false);
        assertThat(bothPeersAgree(priorities, new TransportId[] {LAN, TOR}, LAN_OVER_BLUETOOTH))
                .containsExactly(false, false);
    }

    @Test
    void preferencesApplyToDuplexConnectionsOnly() {
        ConnectionRegistryImpl preferring = new ConnectionRegistryImpl(bus, LAN_OVER_BLUETOOTH);
        Handle simplexLan = new Handle();
        Handle bluetooth = new Handle();
        Handle lan = new Handle();
        Handle simplexBluetooth = new Handle();
        preferring.registerOutgoingConnection(ALICE, LAN, simplexLan, false);
        preferring.registerOutgoingConnection(ALICE, BLUETOOTH, bluetooth, true);
        assertThat(bluetooth.interrupted()).isFalse();

        preferring.registerIncomingConnection(ALICE, LAN, lan, true);
        preferring.registerIncomingConnection(ALICE, BLUETOOTH, simplexBluetooth, false);

        assertThat(bluetooth.interrupts).hasValue(1);
        assertThat(List.of(simplexLan, lan, simplexBluetooth)).noneMatch(Handle::interrupted);
    }

    // ---- Pending contacts ----------------------------------------------------------------------------------------

    @Test
    void aPendingContactHasAtMostOneConnectionAndNoContactEvents() {
        PendingContactId pending = new PendingContactId(new byte[32]);
        assertThat(registry.registerPendingConnection(pending)).isTrue();
        assertThat(registry.registerPendingConnection(pending)).isFalse();
        assertThat(registry.isConnected(pending)).isTrue();
        registry.unregisterPendingConnection(pending);
        assertThat(registry.isConnected(pending)).isFalse();
        assertThatThrownBy(() -> registry.unregisterPendingConnection(pending))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(bus.events()).isEmpty();
    }

    // ---- Threads -------------------------------------------------------------------------------------------------

    /** Asks the registry something from another thread: blocks (and fails) if the caller holds its lock. */
    private void queryFromAnotherThread() {
        try {
            CompletableFuture.supplyAsync(() -> registry.isConnected(ALICE)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("The registry was locked while it called out", e);
        }
    }

    @Test
    void neitherInterruptsNorEventsHappenUnderTheLock() {
        AtomicInteger callsOut = new AtomicInteger();
        bus.addListener(e -> {
            queryFromAnotherThread();
            callsOut.incrementAndGet();
        });
        InterruptibleConnection loser = () -> {
            queryFromAnotherThread();
            callsOut.incrementAndGet();
        };
        Handle winner = new Handle();
        registry.registerOutgoingConnection(ALICE, LAN, loser, true);
        registry.registerIncomingConnection(ALICE, LAN, winner, true);
        registry.setPriority(ALICE, LAN, loser, priority(1));
        registry.setPriority(ALICE, LAN, winner, priority(2));

        assertThat(callsOut).hasValue(4); // three events and one interrupt
    }

    @Test
    void concurrentConnectionsKeepTheContactEventsInStep() throws Exception {
        int threads = 4;
        int cycles = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                TransportId transport = new TransportId("org.thicket.test.t" + t);
                work.add(pool.submit(() -> {
                    for (int i = 0; i < cycles; i++) {
                        ContactId contact = i % 2 == 0 ? ALICE : BOB;
                        Handle handle = new Handle();
                        registry.registerIncomingConnection(contact, transport, handle, true);
                        registry.setPriority(contact, transport, handle, priority(i));
                        registry.unregisterConnection(contact, transport, handle, false);
                    }
                }));
            }
            for (Future<?> f : work) f.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(registry.isConnected(ALICE) || registry.isConnected(BOB)).isFalse();
        assertThat(bus.events(ConnectionOpenedEvent.class)).hasSize(threads * cycles);
        assertThat(bus.events(ConnectionClosedEvent.class)).hasSize(threads * cycles);
        for (ContactId contact : List.of(ALICE, BOB)) {
            List<Event> flips = bus.events().stream()
                    .filter(e -> e.equals(new ContactConnectedEvent(contact))
                            || e.equals(new ContactDisconnectedEvent(contact)))
                    .toList();
            assertThat(flips).isNotEmpty().hasSizeLessThanOrEqualTo(threads * cycles);
            for (int i = 0; i < flips.size(); i++) {
                Event expected = i % 2 == 0 ? new ContactConnectedEvent(contact) : new ContactDisconnectedEvent(contact);
                assertThat(flips.get(i)).isEqualTo(expected);
            }
        }
    }
}
