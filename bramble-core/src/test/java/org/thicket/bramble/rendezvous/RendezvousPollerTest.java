package org.thicket.bramble.rendezvous;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.contact.api.PendingContact;
import org.thicket.bramble.contact.api.PendingContactId;
import org.thicket.bramble.contactexchange.api.ContactExchangeManager;
import org.thicket.bramble.crypto.api.CryptoComponent;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.handshake.api.HandshakeManager;
import org.thicket.bramble.identity.api.IdentityManager;
import org.thicket.bramble.plugin.api.DuplexPluginFactory;
import org.thicket.bramble.plugin.api.PluginManager;
import org.thicket.bramble.rendezvous.RendezvousTesting.Exchange;
import org.thicket.bramble.rendezvous.RendezvousTesting.RecordingContactExchange;
import org.thicket.bramble.rendezvous.SwitchboardPlugin.Switchboard;
import org.thicket.bramble.rendezvous.api.HandshakeLinks;
import org.thicket.bramble.rendezvous.api.PendingContactManager;
import org.thicket.bramble.rendezvous.api.PendingContactState;
import org.thicket.bramble.rendezvous.api.PendingContactStateChangedEvent;
import org.thicket.bramble.rendezvous.api.RendezvousConfig;
import org.thicket.bramble.rendezvous.api.RendezvousCrypto;
import org.thicket.bramble.test.CapturingEventBus;
import org.thicket.bramble.test.CoreNode;
import org.thicket.bramble.test.ManualScheduler;
import org.thicket.bramble.test.SettableClock;

class RendezvousPollerTest {

    /** Short enough that the first poll comes at once; the test waits on outcomes, never on time. */
    private static final RendezvousConfig FAST = new RendezvousConfig(20, RendezvousConfig.DEFAULT.timeoutMs());

    @TempDir
    Path directory;

    private final List<CoreNode> nodes = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        nodes.forEach(CoreNode::close);
    }

    private CoreNode node(String name, int parity, Module... modules) {
        CoreNode node = CoreNode.create(directory.resolve(name), name, parity, modules);
        nodes.add(node);
        return node;
    }

    /** A node that meets pending contacts over the switchboard and records its contact exchanges. */
    private CoreNode meeting(String name, int parity, Switchboard switchboard, RecordingContactExchange exchange) {
        return node(name, parity, RendezvousTesting.transportKeys(), rendezvousOver(switchboard),
                RendezvousTesting.contactExchange(exchange));
    }

    private static Module rendezvousOver(Switchboard switchboard) {
        return rendezvousOver(switchboard, FAST);
    }

    private static Module rendezvousOver(Switchboard switchboard, RendezvousConfig config) {
        return binder -> {
            Multibinder.newSetBinder(binder, DuplexPluginFactory.class).addBinding()
                    .toInstance(SwitchboardPlugin.factory(switchboard));
            OptionalBinder.newOptionalBinder(binder, RendezvousConfig.class).setBinding().toInstance(config);
        };
    }

    @Test
    void linksAddedAtAboutTheSameTimeMeetBeforeTheFirstRegularPoll() throws Exception {
        // Polls an hour apart: only the early attempts after an endpoint opens (5 s) can bring the two together.
        RendezvousConfig hourly = new RendezvousConfig(3_600_000, RendezvousConfig.DEFAULT.timeoutMs());
        Switchboard switchboard = new Switchboard();
        RecordingContactExchange exchangeA = new RecordingContactExchange();
        RecordingContactExchange exchangeB = new RecordingContactExchange();
        CoreNode a = node("a", 0, RendezvousTesting.transportKeys(), rendezvousOver(switchboard, hourly),
                RendezvousTesting.contactExchange(exchangeA));
        CoreNode b = node("b", 1, RendezvousTesting.transportKeys(), rendezvousOver(switchboard, hourly),
                RendezvousTesting.contactExchange(exchangeB));

        a.get(PendingContactManager.class).addPendingContact(b.get(PendingContactManager.class).getHandshakeLink(),
                "Bob");
        b.get(PendingContactManager.class).addPendingContact(a.get(PendingContactManager.class).getHandshakeLink(),
                "Alice");

        assertThat(exchangeA.called.await(CoreNode.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(exchangeB.called.await(CoreNode.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(exchangeA.exchanges.get(0).masterKey()).isEqualTo(exchangeB.exchanges.get(0).masterKey());
    }

    /** Counts down once the pending contact has gone through CONNECTING and then ADDING_CONTACT. */
    private static CountDownLatch watchStates(CoreNode node, PendingContactId[] id, List<PendingContactState> seen) {
        CountDownLatch adding = new CountDownLatch(1);
        node.get(EventBus.class).addListener(e -> {
            if (e instanceof PendingContactStateChangedEvent changed && changed.pendingContactId().equals(id[0])) {
                seen.add(changed.state());
                if (changed.state() == PendingContactState.ADDING_CONTACT) adding.countDown();
            }
        });
        return adding;
    }

    @Test
    void bothSidesMeetShakeHandsAndExchangeContacts() throws Exception {
        Switchboard switchboard = new Switchboard();
        RecordingContactExchange exchangeA = new RecordingContactExchange();
        RecordingContactExchange exchangeB = new RecordingContactExchange();
        CoreNode a = meeting("a", 0, switchboard, exchangeA);
        CoreNode b = meeting("b", 1, switchboard, exchangeB);
        String linkA = a.get(PendingContactManager.class).getHandshakeLink();
        String linkB = b.get(PendingContactManager.class).getHandshakeLink();
        PendingContactId[] bAtA = new PendingContactId[1];
        PendingContactId[] aAtB = new PendingContactId[1];
        List<PendingContactState> statesA = new CopyOnWriteArrayList<>();
        List<PendingContactState> statesB = new CopyOnWriteArrayList<>();
        // The IDs are known before the links are added: hash of the key, the same on every node.
        bAtA[0] = idOf(a, linkB);
        aAtB[0] = idOf(b, linkA);
        CountDownLatch addingA = watchStates(a, bAtA, statesA);
        CountDownLatch addingB = watchStates(b, aAtB, statesB);

        a.get(PendingContactManager.class).addPendingContact(linkB, "Bob");
        b.get(PendingContactManager.class).addPendingContact(linkA, "Alice");

        assertThat(exchangeA.called.await(CoreNode.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(exchangeB.called.await(CoreNode.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        Exchange atA = exchangeA.exchanges.get(0);
        Exchange atB = exchangeB.exchanges.get(0);
        assertThat(atA.pendingContactId()).isEqualTo(bAtA[0]);
        assertThat(atB.pendingContactId()).isEqualTo(aAtB[0]);
        assertThat(atA.transportId()).isEqualTo(RendezvousTesting.TRANSPORT);
        assertThat(atA.masterKey()).isEqualTo(atB.masterKey());
        assertThat(atA.alice()).isNotEqualTo(atB.alice());
        assertThat(atA.verified()).isFalse();
        assertThat(atB.verified()).isFalse();

        assertThat(addingA.await(CoreNode.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(addingB.await(CoreNode.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        for (List<PendingContactState> states : List.of(statesA, statesB)) {
            assertThat(states).containsSubsequence(PendingContactState.CONNECTING,
                    PendingContactState.ADDING_CONTACT);
        }
    }

    @Test
    void whenBothDialAtOnceBothAddTheContactFromTheConnectionAliceDialled() throws Exception {
        Switchboard switchboard = new Switchboard(true);
        RecordingContactExchange exchangeA = new RecordingContactExchange();
        RecordingContactExchange exchangeB = new RecordingContactExchange();
        CoreNode a = meeting("a", 0, switchboard, exchangeA);
        CoreNode b = meeting("b", 1, switchboard, exchangeB);
        String linkA = a.get(PendingContactManager.class).getHandshakeLink();
        String linkB = b.get(PendingContactManager.class).getHandshakeLink();

        a.get(PendingContactManager.class).addPendingContact(linkB, "Bob");
        b.get(PendingContactManager.class).addPendingContact(linkA, "Alice");

        assertThat(exchangeA.called.await(CoreNode.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(exchangeB.called.await(CoreNode.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(switchboard.dials.getCount()).as("both dialled").isZero();
        // Each side exchanged once, over the same connection: one handshake, one master key.
        assertThat(exchangeA.exchanges).hasSize(1);
        assertThat(exchangeB.exchanges).hasSize(1);
        assertThat(exchangeA.exchanges.get(0).masterKey()).isEqualTo(exchangeB.exchanges.get(0).masterKey());
    }

    @Test
    void aPendingContactStoredBeforeARestartIsStillMet() throws Exception {
        Switchboard switchboard = new Switchboard();
        RecordingContactExchange exchangeB = new RecordingContactExchange();
        CoreNode a = meeting("a", 0, switchboard, new RecordingContactExchange());
        CoreNode b = meeting("b", 1, switchboard, exchangeB);
        String linkA = a.get(PendingContactManager.class).getHandshakeLink();
        a.get(PendingContactManager.class).addPendingContact(b.get(PendingContactManager.class).getHandshakeLink(),
                "Bob");

        RecordingContactExchange exchangeA = new RecordingContactExchange();
        nodes.remove(a);
        CoreNode restarted = a.restart(RendezvousTesting.transportKeys(), rendezvousOver(switchboard),
                RendezvousTesting.contactExchange(exchangeA));
        nodes.add(restarted);
        b.get(PendingContactManager.class).addPendingContact(linkA, "Alice");

        assertThat(exchangeA.called.await(CoreNode.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(exchangeB.called.await(CoreNode.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(exchangeA.exchanges.get(0).masterKey()).isEqualTo(exchangeB.exchanges.get(0).masterKey());
    }

    private static PendingContactId idOf(CoreNode node, String link) throws Exception {
        return new PendingContactId(node.get(CryptoComponent.class).hash(PendingContactId.LABEL,
                HandshakeLinks.parse(link).getEncoded()));
    }

    @Test
    void aPendingContactNeverMetFailsWhenTheRendezvousTimesOut() throws Exception {
        CoreNode a = node("a", 0, RendezvousTesting.transportKeys());
        CoreNode b = node("b", 1, RendezvousTesting.transportKeys());
        PendingContact bAtA = a.get(PendingContactManager.class)
                .addPendingContact(b.get(PendingContactManager.class).getHandshakeLink(), "Bob");

        // A poller of A's account on a clock the test moves; no transport supports rendezvous, so B never turns up.
        SettableClock clock = new SettableClock(bAtA.timestamp());
        ManualScheduler scheduler = new ManualScheduler(clock);
        CapturingEventBus events = new CapturingEventBus();
        RendezvousPoller poller = new RendezvousPoller(a.db(), a.get(IdentityManager.class),
                a.get(PluginManager.class), a.get(RendezvousCrypto.class), a.get(HandshakeManager.class),
                a.get(ContactExchangeManager.class), events, Runnable::run, scheduler, clock,
                RendezvousConfig.DEFAULT);
        poller.startService();
        try {
            assertThat(poller.getState(bAtA)).isEqualTo(PendingContactState.OFFLINE);

            scheduler.advance(RendezvousConfig.DEFAULT.timeoutMs() - RendezvousConfig.DEFAULT.pollingIntervalMs());
            assertThat(poller.getState(bAtA)).isEqualTo(PendingContactState.OFFLINE);
            assertThat(events.events(PendingContactStateChangedEvent.class)).isEmpty();

            scheduler.advance(RendezvousConfig.DEFAULT.pollingIntervalMs());
            assertThat(poller.getState(bAtA)).isEqualTo(PendingContactState.FAILED);
            assertThat(events.events(PendingContactStateChangedEvent.class))
                    .containsExactly(new PendingContactStateChangedEvent(bAtA.id(), PendingContactState.FAILED));
        } finally {
            poller.stopService();
        }
    }

    @Test
    void aPendingContactAlreadyTooOldAtStartFailsAtOnce() throws Exception {
        CoreNode a = node("a", 0, RendezvousTesting.transportKeys());
        CoreNode b = node("b", 1, RendezvousTesting.transportKeys());
        PendingContact bAtA = a.get(PendingContactManager.class)
                .addPendingContact(b.get(PendingContactManager.class).getHandshakeLink(), "Bob");
        SettableClock clock = new SettableClock(bAtA.timestamp() + RendezvousConfig.DEFAULT.timeoutMs());
        RendezvousPoller poller = new RendezvousPoller(a.db(), a.get(IdentityManager.class),
                a.get(PluginManager.class), a.get(RendezvousCrypto.class), a.get(HandshakeManager.class),
                a.get(ContactExchangeManager.class), new CapturingEventBus(), Runnable::run,
                new ManualScheduler(clock), clock,
                RendezvousConfig.DEFAULT);
        poller.startService();
        try {
            assertThat(poller.getState(bAtA)).isEqualTo(PendingContactState.FAILED);
        } finally {
            poller.stopService();
        }
    }
}
