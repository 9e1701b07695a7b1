package org.thicket.bramble.rendezvous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.contact.api.NoSuchContactException;
import org.thicket.bramble.contact.api.PendingContact;
import org.thicket.bramble.crypto.api.KeyType;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.event.api.EventListener;
import org.thicket.bramble.identity.api.Identity;
import org.thicket.bramble.rendezvous.api.HandshakeLinks;
import org.thicket.bramble.rendezvous.api.InvalidLinkException;
import org.thicket.bramble.rendezvous.api.InvalidLinkException.Reason;
import org.thicket.bramble.rendezvous.api.PendingContactAddedEvent;
import org.thicket.bramble.rendezvous.api.PendingContactManager;
import org.thicket.bramble.rendezvous.api.PendingContactRemovedEvent;
import org.thicket.bramble.rendezvous.api.PendingContactState;
import org.thicket.bramble.rendezvous.api.PendingContactStatus;
import org.thicket.bramble.test.CoreNode;
import org.thicket.bramble.transport.api.KeyManager;

/** Adding, listing and removing pending contacts on a node with a real database. */
class PendingContactManagerTest {

    @TempDir
    Path directory;

    private CoreNode a;
    private CoreNode b;
    private PendingContactManager manager;
    private String linkB;

    @BeforeEach
    void createNodes() throws Exception {
        a = CoreNode.create(directory.resolve("a"), "Alice", 0, RendezvousTesting.transportKeys());
        b = CoreNode.create(directory.resolve("b"), "Bob", 1, RendezvousTesting.transportKeys());
        manager = a.get(PendingContactManager.class);
        linkB = b.get(PendingContactManager.class).getHandshakeLink();
    }

    @AfterEach
    void close() {
        if (a != null) a.close();
        if (b != null) b.close();
    }

    @Test
    void ourLinkCarriesOurHandshakeKey() throws Exception {
        assertThat(HandshakeLinks.parse(manager.getHandshakeLink()))
                .isEqualTo(a.identity().handshakeKeyPair().publicKey());
    }

    @Test
    void addsAPendingContactWithHandshakeKeysAndListsIt() throws Exception {
        PendingContact added = manager.addPendingContact("Here is mine: " + linkB + " - see you", "Bob");

        assertThat(added.alias()).isEqualTo("Bob");
        assertThat(added.publicKey()).isEqualTo(b.identity().handshakeKeyPair().publicKey());
        List<PendingContactStatus> listed = List.copyOf(manager.getPendingContacts());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).contact()).isEqualTo(added);
        // No transport supports rendezvous on this node.
        assertThat(listed.get(0).state()).isEqualTo(PendingContactState.OFFLINE);
        assertThat(a.get(KeyManager.class).getStreamContext(added.id(), RendezvousTesting.TRANSPORT)).isNotNull();
    }

    @Test
    void announcesAddingAndRemovingAfterTheTransactions() throws Exception {
        CapturingListener events = new CapturingListener();
        a.get(EventBus.class).addListener(events);
        PendingContact added = manager.addPendingContact(linkB, "Bob");
        manager.removePendingContact(added.id());

        assertThat(events.removed.await(CoreNode.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(events.seen).containsSubsequence(new PendingContactAddedEvent(added),
                new PendingContactRemovedEvent(added.id()));
    }

    /** Keeps the pending-contact events, in order; counts down at the first removal. */
    private static final class CapturingListener implements EventListener {
        final List<Event> seen = new CopyOnWriteArrayList<>();
        final CountDownLatch removed = new CountDownLatch(1);

        @Override
        public void eventOccurred(Event e) {
            if (e instanceof PendingContactAddedEvent || e instanceof PendingContactRemovedEvent) seen.add(e);
            if (e instanceof PendingContactRemovedEvent) removed.countDown();
        }
    }

    @Test
    void refusesOurOwnLink() throws Exception {
        assertRefused(() -> manager.addPendingContact(manager.getHandshakeLink(), "Me"), Reason.OWN_LINK);
    }

    @Test
    void refusesALinkAddedBefore() throws Exception {
        manager.addPendingContact(linkB, "Bob");
        assertRefused(() -> manager.addPendingContact(linkB.toUpperCase(), "Bob again"), Reason.ALREADY_PENDING);
        assertThat(manager.getPendingContacts()).hasSize(1);
    }

    @Test
    void refusesTheLinkOfAContact() throws Exception {
        Identity ours = a.identity();
        Identity theirs = b.identity();
        a.db().transaction(false, txn -> a.db().addContact(txn, theirs.localAuthor().author(), ours.id(),
                theirs.handshakeKeyPair().publicKey(), false));
        assertRefused(() -> manager.addPendingContact(linkB, "Bob"), Reason.ALREADY_CONTACT);
        assertThat(manager.getPendingContacts()).isEmpty();
    }

    @Test
    void refusesAKeyWithoutSharedSecretAndStoresNothing() throws Exception {
        // The all-zero point is of low order: every X25519 with it is all zeros.
        String zeroKeyLink = HandshakeLinks.encode(new PublicKey(KeyType.AGREEMENT, new byte[PublicKey.LENGTH]));
        assertRefused(() -> manager.addPendingContact(zeroKeyLink, "Nobody"), Reason.INVALID_KEY);
        assertThat(manager.getPendingContacts()).isEmpty();
    }

    @Test
    void refusesBadAliasesAndStoresNothing() throws Exception {
        assertThatThrownBy(() -> manager.addPendingContact(linkB, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> manager.addPendingContact(linkB, "x".repeat(51)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(manager.getPendingContacts()).isEmpty();
    }

    @Test
    void removesAPendingContactWithItsKeys() throws Exception {
        PendingContact added = manager.addPendingContact(linkB, "Bob");
        manager.removePendingContact(added.id());

        assertThat(manager.getPendingContacts()).isEmpty();
        assertThat(a.get(KeyManager.class).getStreamContext(added.id(), RendezvousTesting.TRANSPORT)).isNull();
        assertThatThrownBy(() -> manager.removePendingContact(added.id()))
                .isInstanceOf(NoSuchContactException.class);
        // Once removed, the link can be added again.
        assertThat(manager.addPendingContact(linkB, "Bob").id()).isEqualTo(added.id());
    }

    @FunctionalInterface
    private interface Adding {
        void run() throws Exception;
    }

    private static void assertRefused(Adding adding, Reason reason) {
        assertThatThrownBy(adding::run).isInstanceOfSatisfying(InvalidLinkException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
