package org.thicket.messenger.contact;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Module;
import com.google.inject.multibindings.OptionalBinder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.contact.api.Contact;
import org.thicket.bramble.contact.api.ContactManager;
import org.thicket.bramble.crypto.api.ScryptCost;
import org.thicket.bramble.db.api.TransactionManager;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.keyagreement.api.InvalidPayloadException;
import org.thicket.bramble.keyagreement.api.KeyAgreementConfig;
import org.thicket.bramble.lifecycle.api.StartResult;
import org.thicket.bramble.plugin.api.Plugin;
import org.thicket.bramble.plugin.api.PluginManager;
import org.thicket.bramble.plugin.api.TransportIds;
import org.thicket.messenger.contact.api.InPersonAdding;
import org.thicket.messenger.contact.api.InPersonAddingFailure;
import org.thicket.messenger.contact.api.InPersonAddingStatus;
import org.thicket.messenger.contact.api.InPersonAddingStatus.State;
import org.thicket.messenger.contact.api.InPersonAddingStatusEvent;
import org.thicket.messenger.node.MessengerNode;
import org.thicket.messenger.node.Transports;

/** Two real nodes in one JVM, each with LAN on loopback, adding each other by their payloads. */
class InPersonAddingTest {

    private static final Module FAST_SCRYPT = b -> b.bind(ScryptCost.class).toInstance(ScryptCost.fixed(1024));
    private static final byte[] PASSWORD = "correct horse battery".getBytes(UTF_8);
    private static final long WAIT_MS = 30_000;

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;

    private final List<MessengerNode> running = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        running.forEach(MessengerNode::stop);
    }

    @Test
    void scanningEachOthersCodesAddsEachOtherAsVerifiedContacts() throws Exception {
        MessengerNode alice = startNode(dirA, "Alice", KeyAgreementConfig.DEFAULT);
        MessengerNode bob = startNode(dirB, "Bob", KeyAgreementConfig.DEFAULT);
        List<InPersonAddingStatus> aliceEvents = recordStatusEvents(alice);
        byte[] aliceCode = adding(alice).start();
        byte[] bobCode = adding(bob).start();

        adding(alice).scan(bobCode);
        adding(bob).scan(aliceCode);

        InPersonAddingStatus aliceDone = awaitEnd(alice);
        InPersonAddingStatus bobDone = awaitEnd(bob);
        assertThat(aliceDone.state()).isEqualTo(State.ADDED);
        assertThat(bobDone.state()).isEqualTo(State.ADDED);
        Contact bobAtAlice = onlyContact(alice);
        Contact aliceAtBob = onlyContact(bob);
        assertThat(bobAtAlice.id()).isEqualTo(aliceDone.contactId());
        assertThat(aliceAtBob.id()).isEqualTo(bobDone.contactId());
        assertThat(bobAtAlice.author().name()).isEqualTo("Bob");
        assertThat(aliceAtBob.author().name()).isEqualTo("Alice");
        assertThat(bobAtAlice.verified()).isTrue();
        assertThat(aliceAtBob.verified()).isTrue();
        assertThat(adding(alice).payload()).isEmpty();
        awaitEvents(aliceEvents, 4);
        assertThat(aliceEvents).extracting(InPersonAddingStatus::state)
                .containsExactly(State.WAITING, State.CONNECTING, State.EXCHANGING, State.ADDED);
    }

    @Test
    void garbledCodeIsRefusedAndTheSessionKeepsWaiting() throws Exception {
        MessengerNode alice = startNode(dirA, "Alice", KeyAgreementConfig.DEFAULT);
        MessengerNode bob = startNode(dirB, "Bob", KeyAgreementConfig.DEFAULT);
        adding(alice).start();
        byte[] bobCode = adding(bob).start();

        byte[] truncated = Arrays.copyOf(bobCode, bobCode.length - 3);
        assertThatThrownBy(() -> adding(alice).scan(truncated)).isInstanceOfSatisfying(InvalidPayloadException.class,
                e -> assertThat(e.getReason()).isEqualTo(InvalidPayloadException.Reason.GARBLED));

        assertThat(adding(alice).status()).isEqualTo(InPersonAddingStatus.WAITING);
        assertThat(adding(alice).payload()).isPresent();
        assertThat(contacts(alice)).isEmpty();
    }

    @Test
    void ourOwnCodeFailsTheSessionAndAddsNoContact() throws Exception {
        MessengerNode alice = startNode(dirA, "Alice", KeyAgreementConfig.DEFAULT);
        byte[] aliceCode = adding(alice).start();

        adding(alice).scan(aliceCode);

        assertThat(awaitEnd(alice)).isEqualTo(InPersonAddingStatus.failed(InPersonAddingFailure.OWN_PAYLOAD));
        assertThat(contacts(alice)).isEmpty();
    }

    @Test
    void aPeerThatNeverScansOurCodeTimesOutAndNoContactIsAdded() throws Exception {
        MessengerNode alice = startNode(dirA, "Alice", new KeyAgreementConfig(1_000));
        MessengerNode bob = startNode(dirB, "Bob", KeyAgreementConfig.DEFAULT);
        adding(alice).start();
        byte[] bobCode = adding(bob).start();

        adding(alice).scan(bobCode);

        assertThat(awaitEnd(alice)).isEqualTo(InPersonAddingStatus.failed(InPersonAddingFailure.TIMEOUT));
        adding(bob).cancel();
        assertThat(contacts(alice)).isEmpty();
        assertThat(contacts(bob)).isEmpty();
    }

    @Test
    void oneSessionAtATimeAndCancelEndsIt() throws Exception {
        MessengerNode alice = startNode(dirA, "Alice", KeyAgreementConfig.DEFAULT);
        InPersonAdding adding = adding(alice);
        assertThatThrownBy(() -> adding.scan(new byte[] {4})).isInstanceOf(InvalidPayloadException.class);
        byte[] first = adding.start();
        assertThatThrownBy(adding::start).isInstanceOf(IllegalStateException.class);

        adding.cancel();

        assertThat(adding.status()).isEqualTo(InPersonAddingStatus.IDLE);
        assertThat(adding.payload()).isEmpty();
        byte[] second = adding.start();
        assertThat(second).isNotEqualTo(first);
        assertThat(adding.status()).isEqualTo(InPersonAddingStatus.WAITING);
    }

    @Test
    void scanningWithoutASessionIsRefused() throws Exception {
        MessengerNode alice = startNode(dirA, "Alice", KeyAgreementConfig.DEFAULT);
        MessengerNode bob = startNode(dirB, "Bob", KeyAgreementConfig.DEFAULT);
        byte[] bobCode = adding(bob).start();

        assertThatThrownBy(() -> adding(alice).scan(bobCode)).isInstanceOf(IllegalStateException.class);
        assertThat(adding(alice).status()).isEqualTo(InPersonAddingStatus.IDLE);
    }

    private MessengerNode startNode(Path dir, String nickname, KeyAgreementConfig config) throws Exception {
        Module shortTimeout = b -> OptionalBinder.newOptionalBinder(b, KeyAgreementConfig.class).setBinding()
                .toInstance(config);
        MessengerNode node = MessengerNode.create(dir, Transports.LOOPBACK, FAST_SCRYPT, shortTimeout);
        running.add(node);
        assertThat(node.createAccount(nickname, PASSWORD)).isEqualTo(StartResult.SUCCESS);
        awaitLanActive(node);
        return node;
    }

    private static InPersonAdding adding(MessengerNode node) {
        return node.get(InPersonAdding.class);
    }

    private static List<InPersonAddingStatus> recordStatusEvents(MessengerNode node) {
        List<InPersonAddingStatus> seen = new CopyOnWriteArrayList<>();
        node.get(EventBus.class).addListener(e -> {
            if (e instanceof InPersonAddingStatusEvent s) seen.add(s.status());
        });
        return seen;
    }

    private static void awaitLanActive(MessengerNode node) throws InterruptedException {
        PluginManager plugins = node.get(PluginManager.class);
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (plugins.getPlugin(TransportIds.LAN).getState() != Plugin.State.ACTIVE) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("LAN did not become active");
            Thread.sleep(20);
        }
    }

    private static InPersonAddingStatus awaitEnd(MessengerNode node) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        InPersonAddingStatus status = adding(node).status();
        while (status.isActive()) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("Still " + status);
            Thread.sleep(20);
            status = adding(node).status();
        }
        return status;
    }

    private static void awaitEvents(List<?> events, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (events.size() < count) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("Only " + events);
            Thread.sleep(20);
        }
    }

    private static Collection<Contact> contacts(MessengerNode node) throws Exception {
        ContactManager contacts = node.get(ContactManager.class);
        return node.get(TransactionManager.class).transactionWithResult(true, contacts::getContacts);
    }

    private static Contact onlyContact(MessengerNode node) throws Exception {
        Collection<Contact> all = contacts(node);
        assertThat(all).hasSize(1);
        return all.iterator().next();
    }
}
