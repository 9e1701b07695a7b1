package org.thicket.bramble.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thicket.bramble.test.TestNode.LAN;
import static org.thicket.bramble.test.TestNode.TOR;
import static org.thicket.bramble.transport.api.TransportConstants.MAX_STREAM_NUMBER;
import static org.thicket.bramble.stream.api.StreamConstants.PROTOCOL_VERSION;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.ContactManager;
import org.thicket.bramble.contact.api.PendingContact;
import org.thicket.bramble.contact.api.PendingContactId;
import org.thicket.bramble.crypto.api.CryptoComponent;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.identity.api.Identity;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.stream.api.StreamContext;
import org.thicket.bramble.test.SettableClock;
import org.thicket.bramble.test.TestNode;
import org.thicket.bramble.test.TestTagEncoder;
import org.thicket.bramble.transport.api.KeySetId;
import org.thicket.bramble.transport.api.OutgoingKeys;
import org.thicket.bramble.transport.api.TransportCrypto;
import org.thicket.bramble.transport.api.TransportDescriptor;
import org.thicket.bramble.transport.api.TransportKeySet;
import org.thicket.bramble.transport.api.TransportKeys;

/**
 * Two peers, each with its own database, who exchanged a root key: Alice's streams must be recognised by Bob and
 * the other way round, exactly once each, across restarts and key rotations.
 */
class KeyManagerImplTest {

    private static final long PERIOD = TOR.periodLengthMs();
    /** The contact exchange happened a minute before the test's "now". */
    private static final long EXCHANGE_TIME = SettableClock.DEFAULT_TIME_MS - 60_000;

    @TempDir
    Path dir;

    private final TestTagEncoder tagEncoder = new TestTagEncoder();
    private SecretKey rootKey;
    private TestNode alice;
    private TestNode bob;
    private Identity aliceIdentity;
    private Identity bobIdentity;
    /** Bob as Alice's contact, and Alice as Bob's. */
    private ContactId bobAtAlice;
    private ContactId aliceAtBob;

    @BeforeEach
    void setUp() throws Exception {
        alice = TestNode.open(dir.resolve("alice"), TestNode.randomKey(), new SettableClock());
        bob = TestNode.open(dir.resolve("bob"), TestNode.randomKey(), new SettableClock());
        alice.startServices();
        bob.startServices();
        aliceIdentity = alice.addIdentity("Alice");
        bobIdentity = bob.addIdentity("Bob");
        rootKey = newRootKey();
        bobAtAlice = addContact(alice, aliceIdentity, bobIdentity, rootKey, true, true);
        aliceAtBob = addContact(bob, bobIdentity, aliceIdentity, rootKey, false, true);
    }

    @AfterEach
    void tearDown() throws DbException {
        try {
            alice.close();
        } finally {
            bob.close();
        }
    }

    private static ContactId addContact(TestNode node, Identity us, Identity them, SecretKey root,
            boolean weAreAlice, boolean active) throws DbException {
        return node.db().transactionWithResult(false, txn -> {
            ContactId c = node.db().addContact(txn, them.localAuthor().author(), us.id(), null, true);
            keyManager(node).addRotationKeys(txn, c, root, EXCHANGE_TIME, weAreAlice, active);
            return c;
        });
    }

    private SecretKey newRootKey() {
        return alice.get(CryptoComponent.class).generateSecretKey();
    }

    private static KeyManagerImpl keyManager(TestNode node) {
        return node.get(KeyManagerImpl.class);
    }

    private StreamContext send(TestNode from, ContactId to, TransportDescriptor t) throws DbException {
        return keyManager(from).getStreamContext(to, t.id());
    }

    private byte[] tag(StreamContext ctx) {
        return tagEncoder.encodeTag(ctx.tagKey(), PROTOCOL_VERSION, ctx.streamNumber());
    }

    private StreamContext receive(TestNode at, TransportDescriptor t, byte[] tag) throws DbException {
        return keyManager(at).getStreamContext(t.id(), tag);
    }

    /** Sends one stream and checks the receiver recognises it with the same number and keys, as {@code from}. */
    private void assertDelivered(TestNode sender, ContactId to, TestNode receiver, ContactId from,
            TransportDescriptor t)
            throws DbException {
        StreamContext out = send(sender, to, t);
        StreamContext in = receive(receiver, t, tag(out));
        assertThat(in).isNotNull();
        assertThat(in.contactId()).isEqualTo(from);
        assertThat(in.pendingContactId()).isNull();
        assertThat(in.transportId()).isEqualTo(t.id());
        assertThat(in.streamNumber()).isEqualTo(out.streamNumber());
        assertThat(in.tagKey().getBytes()).isEqualTo(out.tagKey().getBytes());
        assertThat(in.headerKey().getBytes()).isEqualTo(out.headerKey().getBytes());
        assertThat(in.handshakeMode()).isFalse();
    }

    @Test
    void eachSideRecognisesTheOthersStreamsOnEveryTransport() throws DbException {
        for (int i = 0; i < 3; i++) {
            assertDelivered(alice, bobAtAlice, bob, aliceAtBob, TOR);
            assertDelivered(bob, aliceAtBob, alice, bobAtAlice, TOR);
            assertDelivered(alice, bobAtAlice, bob, aliceAtBob, LAN);
            assertDelivered(bob, aliceAtBob, alice, bobAtAlice, LAN);
        }
    }

    @Test
    void streamNumbersCountUpAndTagsAreBoundToTheirTransport() throws DbException {
        for (long expected = 0; expected < 5; expected++) {
            assertThat(send(alice, bobAtAlice, TOR).streamNumber()).isEqualTo(expected);
        }
        StreamContext lan = send(alice, bobAtAlice, LAN);
        assertThat(lan.streamNumber()).isZero();
        assertThat(receive(bob, TOR, tag(lan))).isNull();
        assertThat(receive(bob, LAN, tag(lan))).isNotNull();
        assertThat(receive(alice, TOR, tag(lan))).as("our own outgoing tag").isNull();
    }

    @Test
    void aTagIsAcceptedOnceAndUnknownTagsNever() throws DbException {
        byte[] tag = tag(send(alice, bobAtAlice, TOR));
        assertThat(receive(bob, TOR, tag)).isNotNull();
        assertThat(receive(bob, TOR, tag)).as("replayed").isNull();
        assertThat(receive(bob, TOR, new byte[16])).isNull();
        assertThat(keyManager(bob).getStreamContext(new TransportId("org.example.unknown"), tag)).isNull();
        assertThatThrownBy(() -> receive(bob, TOR, new byte[15])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void outOfOrderStreamsInTheWindowGetInExactlyOnce() throws DbException {
        List<byte[]> tags = new ArrayList<>();
        for (int i = 0; i < 40; i++) tags.add(tag(send(alice, bobAtAlice, TOR)));

        assertThat(receive(bob, TOR, tags.get(20))).isNotNull(); // window 5..36
        assertThat(receive(bob, TOR, tags.get(5))).isNotNull(); // window 6..37
        assertThat(receive(bob, TOR, tags.get(39))).as("beyond the window").isNull();
        assertThat(receive(bob, TOR, tags.get(30))).isNotNull(); // window 15..46
        assertThat(receive(bob, TOR, tags.get(16))).isNotNull(); // window 15..46
        assertThat(receive(bob, TOR, tags.get(39))).as("in the window now").isNotNull(); // window 24..55
        for (int replayed : new int[] {20, 5, 30, 16, 39}) {
            assertThat(receive(bob, TOR, tags.get(replayed))).as("replayed %d", replayed).isNull();
        }
        for (int passed : new int[] {0, 3, 14, 15, 23}) {
            assertThat(receive(bob, TOR, tags.get(passed))).as("slid out unseen: %d", passed).isNull();
        }
        assertThat(receive(bob, TOR, tags.get(24))).isNotNull();
    }

    @Test
    void aRestartNeverReusesAStreamNumberNorForgetsASeenOne() throws Exception {
        List<StreamContext> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) sent.add(send(alice, bobAtAlice, TOR));
        assertThat(receive(bob, TOR, tag(sent.get(1)))).isNotNull();

        alice = alice.reopen();
        alice.startServices();
        bob = bob.reopen();
        bob.startServices();

        assertThat(send(alice, bobAtAlice, TOR).streamNumber()).isEqualTo(3);
        assertThat(receive(bob, TOR, tag(sent.get(1)))).as("seen before the restart").isNull();
        assertThat(receive(bob, TOR, tag(sent.get(0)))).isNotNull();
        assertThat(receive(bob, TOR, tag(sent.get(2)))).isNotNull();
    }

    @Test
    void streamsAreRecognisedFromThePreviousAndTheNextPeriod() throws DbException {
        // Bob's clock is a period ahead: Alice's current keys are his previous ones.
        bob.clock().advance(PERIOD);
        assertDelivered(alice, bobAtAlice, bob, aliceAtBob, TOR);
        // Alice's clock is a period ahead of Bob's: her current keys are his next ones, and his are her previous.
        alice.clock().advance(2 * PERIOD);
        assertDelivered(alice, bobAtAlice, bob, aliceAtBob, TOR);
        assertDelivered(bob, aliceAtBob, alice, bobAtAlice, TOR);
        // Two periods apart, the keys no longer meet.
        alice.clock().advance(PERIOD);
        assertThat(receive(bob, TOR, tag(send(alice, bobAtAlice, TOR)))).isNull();
        assertThat(receive(alice, TOR, tag(send(bob, aliceAtBob, TOR)))).isNull();
    }

    @Test
    void rotationKeepsBothSidesInStep() throws DbException {
        long start = TOR.timePeriod(alice.clock().currentTimeMillis());
        StreamContext first = send(alice, bobAtAlice, TOR);
        for (int periods : new int[] {1, 2, 5}) {
            alice.clock().advance(periods * PERIOD);
            bob.clock().advance(periods * PERIOD);
            keyManager(alice).rotateKeys();
            keyManager(bob).rotateKeys();
            long now = TOR.timePeriod(alice.clock().currentTimeMillis());
            for (TestNode node : new TestNode[] {alice, bob}) {
                assertThat(storedKeys(node, TOR)).allSatisfy(s -> assertThat(s.keys().timePeriod()).isEqualTo(now));
            }
            StreamContext ctx = send(alice, bobAtAlice, TOR);
            assertThat(ctx.streamNumber()).as("a new period starts counting at 0").isZero();
            assertThat(ctx.tagKey().getBytes()).isNotEqualTo(first.tagKey().getBytes());
            assertThat(receive(bob, TOR, tag(ctx))).isNotNull();
            assertDelivered(bob, aliceAtBob, alice, bobAtAlice, TOR);
            assertDelivered(alice, bobAtAlice, bob, aliceAtBob, LAN);
        }
        assertThat(TOR.timePeriod(alice.clock().currentTimeMillis())).isEqualTo(start + 8);
        assertThat(receive(bob, TOR, tag(first))).as("from eight periods ago").isNull();
    }

    private static List<TransportKeySet> storedKeys(TestNode node, TransportDescriptor t) throws DbException {
        return List.copyOf(node.db().transactionWithResult(true, txn -> node.db().getTransportKeys(txn, t.id())));
    }

    @Test
    void theTagTableHoldsEveryUnseenNumberOfTheThreeWindows() throws DbException {
        TransportKeyManager tor = keyManager(bob).manager(TOR.id());
        assertThat(tor.tagCount()).isEqualTo(3 * 32);
        receive(bob, TOR, tag(send(alice, bobAtAlice, TOR)));
        assertThat(tor.tagCount()).as("0 seen, 32 slid in").isEqualTo(3 * 32);
        for (int i = 0; i < 5; i++) send(alice, bobAtAlice, TOR);
        receive(bob, TOR, tag(send(alice, bobAtAlice, TOR))); // stream 6 seen, window stays at 1..32
        assertThat(tor.tagCount()).isEqualTo(3 * 32 - 1);
    }

    /** A second identity at Alice, Carol, becomes Bob's contact; Bob's keys for her are inactive. */
    @Test
    void inactiveKeysWaitForTheFirstIncomingStream() throws DbException {
        Identity carol = alice.addIdentity("Carol");
        SecretKey carolsRoot = newRootKey();
        ContactId bobAtCarol = addContact(alice, carol, bobIdentity, carolsRoot, true, true);
        ContactId carolAtBob = addContact(bob, bobIdentity, carol, carolsRoot, false, false);
        assertThat(send(bob, carolAtBob, TOR)).isNull();
        assertThat(send(bob, carolAtBob, LAN)).isNull();

        StreamContext fromCarol = send(alice, bobAtCarol, TOR);
        assertThat(receive(bob, TOR, tag(fromCarol)).contactId()).isEqualTo(carolAtBob);
        assertThat(send(bob, carolAtBob, TOR)).isNotNull();
        assertThat(send(bob, carolAtBob, LAN)).as("activation is per transport").isNull();
    }

    @Test
    void keysCanBeActivatedExplicitly() throws DbException {
        Identity carol = alice.addIdentity("Carol");
        ContactId carolAtBob = bob.db().transactionWithResult(false, txn ->
                bob.db().addContact(txn, carol.localAuthor().author(), bobIdentity.id(), null, false));
        Map<TransportId, KeySetId> ids = bob.db().transactionWithResult(false, txn ->
                keyManager(bob).addRotationKeys(txn, carolAtBob, newRootKey(), EXCHANGE_TIME, false, false));
        assertThat(ids).containsOnlyKeys(TOR.id(), LAN.id());
        assertThat(send(bob, carolAtBob, TOR)).isNull();
        bob.db().transaction(false, txn -> keyManager(bob).activateKeys(txn, ids));
        assertThat(send(bob, carolAtBob, TOR)).isNotNull();
        assertThat(send(bob, carolAtBob, LAN)).isNotNull();
    }

    @Test
    void theNewestActiveRotationKeySetIsUsed() throws DbException {
        SecretKey newRoot = newRootKey();
        KeySetId newer = alice.db().transactionWithResult(false, txn -> keyManager(alice)
                .addRotationKeys(txn, bobAtAlice, newRoot, EXCHANGE_TIME, true, true)).get(TOR.id());
        // A handshake-mode key set, newer still, is passed over for the rotation-mode ones.
        TransportKeys handshake = alice.get(TransportCrypto.class)
                .deriveHandshakeKeys(TOR.id(), newRoot, TOR.timePeriod(alice.clock().currentTimeMillis()), true);
        alice.db().transaction(false, txn -> alice.db().addTransportKeys(txn, bobAtAlice, handshake));
        // An inactive rotation-mode key set, newest of all, is passed over too.
        alice.db().transaction(false, txn -> keyManager(alice)
                .addRotationKeys(txn, bobAtAlice, newRoot, EXCHANGE_TIME, true, false));

        StreamContext ctx = send(alice, bobAtAlice, TOR);
        TransportKeySet expected = storedKeys(alice, TOR).stream().filter(s -> s.keySetId().equals(newer))
                .findFirst().orElseThrow();
        assertThat(ctx.tagKey().getBytes()).isEqualTo(expected.keys().currentOutgoing().tagKey().getBytes());
        assertThat(ctx.handshakeMode()).isFalse();
        assertThat(receive(bob, TOR, tag(ctx))).as("Bob has only the first root key").isNull();
    }

    @Test
    void aUsedUpCounterGivesNoMoreStreams() throws DbException {
        TransportKeySet set = storedKeys(alice, TOR).get(0);
        OutgoingKeys out = set.keys().currentOutgoing();
        TransportKeys k = set.keys();
        TransportKeys last = new TransportKeys(k.transportId(), k.previousIncoming(), k.currentIncoming(),
                k.nextIncoming(), new OutgoingKeys(out.tagKey(), out.headerKey(), out.timePeriod(), MAX_STREAM_NUMBER,
                true));
        alice.db().transaction(false, txn -> alice.db().updateTransportKeys(txn, set.withKeys(last)));

        assertThat(send(alice, bobAtAlice, TOR).streamNumber()).isEqualTo(MAX_STREAM_NUMBER);
        assertThat(send(alice, bobAtAlice, TOR)).isNull();
        assertThat(send(alice, bobAtAlice, LAN)).isNotNull();
    }

    @Test
    void removingAContactDropsItsKeysAndTags() throws DbException {
        byte[] tag = tag(send(alice, bobAtAlice, TOR));
        bob.db().transaction(false, txn -> bob.get(ContactManager.class).removeContact(txn, aliceAtBob));

        assertThat(keyManager(bob).manager(TOR.id()).tagCount()).isZero();
        assertThat(storedKeys(bob, TOR)).isEmpty();
        assertThat(receive(bob, TOR, tag)).isNull();
        assertThat(send(bob, aliceAtBob, TOR)).isNull();
    }

    @Test
    void aStaleTagWhoseKeysAreGoneMissesAndIsDropped() throws DbException {
        byte[] tag = tag(send(alice, bobAtAlice, TOR));
        // Removed without the contact manager: no event, so the tags stay in memory until looked up.
        bob.db().transaction(false, txn -> bob.db().removeContact(txn, aliceAtBob));
        assertThat(keyManager(bob).manager(TOR.id()).tagCount()).isEqualTo(3 * 32);
        assertThat(receive(bob, TOR, tag)).isNull();
        assertThat(keyManager(bob).manager(TOR.id()).tagCount()).isZero();
    }

    @Test
    void pendingContactsUseHandshakeKeys() throws Exception {
        PendingContactId bobPending = addPendingContact(alice, aliceIdentity, bobIdentity);
        PendingContactId alicePending = addPendingContact(bob, bobIdentity, aliceIdentity);

        StreamContext out = keyManager(alice).getStreamContext(bobPending, TOR.id());
        assertThat(out.handshakeMode()).isTrue();
        assertThat(out.pendingContactId()).isEqualTo(bobPending);
        assertThat(out.contactId()).isNull();
        StreamContext in = receive(bob, TOR, tag(out));
        assertThat(in.pendingContactId()).isEqualTo(alicePending);
        assertThat(in.handshakeMode()).isTrue();
        assertThat(in.headerKey().getBytes()).isEqualTo(out.headerKey().getBytes());

        StreamContext back = keyManager(bob).getStreamContext(alicePending, LAN.id());
        assertThat(receive(alice, LAN, tag(back)).pendingContactId()).isEqualTo(bobPending);
        // Handshake keys are not rotation keys: the contact's own streams still use the latter.
        assertThat(send(alice, bobAtAlice, TOR).handshakeMode()).isFalse();

        bob.clock().advance(PERIOD);
        alice.clock().advance(PERIOD);
        StreamContext later = keyManager(alice).getStreamContext(bobPending, TOR.id());
        assertThat(later.streamNumber()).isZero();
        assertThat(receive(bob, TOR, tag(later)).pendingContactId()).isEqualTo(alicePending);
    }

    /** Both links known: their handshake public key and ours give the static master key. */
    private PendingContactId addPendingContact(TestNode node, Identity us, Identity them) throws Exception {
        CryptoComponent crypto = node.get(CryptoComponent.class);
        byte[] theirKey = them.handshakeKeyPair().publicKey().getEncoded();
        PendingContactId id = new PendingContactId(crypto.hash(PendingContactId.LABEL, theirKey));
        PendingContact p = new PendingContact(id, them.handshakeKeyPair().publicKey(), "them", EXCHANGE_TIME);
        node.db().transaction(false, txn -> {
            node.db().addPendingContact(txn, p);
            keyManager(node).addHandshakeKeys(txn, id, p.publicKey(), us.handshakeKeyPair());
        });
        return id;
    }

    @Test
    void concurrentSendersNeverShareAStreamNumber() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(threads.submit(() -> {
                    List<Long> numbers = new ArrayList<>();
                    for (int i = 0; i < 25; i++) numbers.add(send(alice, bobAtAlice, TOR).streamNumber());
                    return numbers;
                }));
            }
            Set<Long> all = new HashSet<>();
            for (Future<List<Long>> r : results) all.addAll(r.get(60, TimeUnit.SECONDS));
            assertThat(all).hasSize(100).allSatisfy(n -> assertThat(n).isBetween(0L, 99L));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void keysCannotBeAddedBeforeTheManagerStarts() throws Exception {
        TestNode carol = TestNode.open(dir.resolve("carol"), TestNode.randomKey(), new SettableClock());
        try {
            assertThatThrownBy(() -> carol.db().transaction(false, txn -> carol.get(KeyManagerImpl.class)
                    .addRotationKeys(txn, new ContactId(1), rootKey, EXCHANGE_TIME, true, true)))
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            carol.close();
        }
    }

    @Test
    void startingStoresTheTransportsAndRotationWaitsForTheNextBoundary() throws DbException {
        assertThat(bob.db().transactionWithResult(true, bob.db()::getTransports))
                .containsOnlyKeys(TOR.id(), LAN.id()).containsValue(30_000L);
        TransportKeyManager tor = keyManager(bob).manager(TOR.id());
        long now = bob.clock().currentTimeMillis();
        assertThat(tor.millisUntilNextPeriod()).isEqualTo(PERIOD - now % PERIOD);
        bob.clock().set((now / PERIOD + 1) * PERIOD - 1);
        assertThat(tor.millisUntilNextPeriod()).isEqualTo(1);
        bob.clock().advance(1);
        assertThat(tor.millisUntilNextPeriod()).isEqualTo(PERIOD);
    }
}
