package org.thicket.bramble.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thicket.bramble.sync.api.Visibility.INVISIBLE;
import static org.thicket.bramble.sync.api.Visibility.SHARED;
import static org.thicket.bramble.sync.api.Visibility.VISIBLE;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.BrambleCoreModule;
import org.thicket.bramble.client.api.ClientHelper;
import org.thicket.bramble.client.api.ContactGroupFactory;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.ContactManager;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.event.api.EventExecutor;
import org.thicket.bramble.lifecycle.api.LifecycleManager;
import org.thicket.bramble.lifecycle.api.StartResult;
import org.thicket.bramble.properties.api.TransportPropertyManager;
import org.thicket.bramble.sync.api.GroupId;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.sync.api.Visibility;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.test.CoreNode;
import org.thicket.bramble.test.CoreNodes;
import org.thicket.bramble.test.Courier;
import org.thicket.bramble.validation.api.ClientMajorVersion;
import org.thicket.bramble.versioning.VersionedClient.Call;
import org.thicket.bramble.versioning.api.ClientVersion;
import org.thicket.bramble.versioning.api.ClientVersioningManager;

/**
 * Two nodes exchange their updates by hand (a courier instead of sync sessions) and validate and deliver them for
 * real: the client lists, the handshake that makes a group SHARED, the hooks, upgrades, and ignored and invalid
 * updates.
 */
class ClientVersioningTest {

    private static final ClientMajorVersion PROPERTIES =
            new ClientMajorVersion(TransportPropertyManager.CLIENT_ID, TransportPropertyManager.MAJOR_VERSION);
    private static final long DAY_MS = 24L * 60 * 60 * 1000;

    @TempDir
    Path aliceDir;
    @TempDir
    Path bobDir;

    @RegisterExtension
    final CoreNodes nodes = new CoreNodes();

    @Test
    void eachSideLearnsTheOthersClientsAndAClientOnlyOneSideRunsStaysInvisible() throws Exception {
        VersionedClient alicesClient = new VersionedClient(3);
        CoreNode alice = nodes.create(aliceDir, "Alice", 0, alicesClient.module());
        CoreNode bob = nodes.create(bobDir, "Bob", 1);
        Courier courier = Courier.introduce(alice, bob);

        courier.exchangeUntilQuiet();

        // Both run the properties client, so its group is shared; only Alice runs the test client.
        assertThat(minor(alice, courier.bobAtAlice(), PROPERTIES)).isZero();
        assertThat(minor(bob, courier.aliceAtBob(), PROPERTIES)).isZero();
        assertThat(visibility(alice, courier.bobAtAlice(), PROPERTIES)).isEqualTo(SHARED);
        assertThat(visibility(bob, courier.aliceAtBob(), PROPERTIES)).isEqualTo(SHARED);
        assertThat(minor(bob, courier.aliceAtBob(), VersionedClient.CLIENT)).isEqualTo(3);
        assertThat(minor(alice, courier.bobAtAlice(), VersionedClient.CLIENT)).isEqualTo(-1);
        assertThat(visibility(alice, courier.bobAtAlice(), VersionedClient.CLIENT)).isEqualTo(INVISIBLE);
        assertThat(testGroupVisibility(courier, alice, alicesClient)).isEqualTo(INVISIBLE);
        // We run no such client, whatever the contact says.
        assertThat(visibility(bob, courier.aliceAtBob(), VersionedClient.CLIENT)).isEqualTo(INVISIBLE);
        assertThat(alicesClient.calls()).isEmpty();
        // The versioning group itself is shared from the start, and holds one update of each side.
        assertThat(groupVisibility(alice, courier.bobAtAlice(), versioningGroup(courier))).isEqualTo(SHARED);
        assertThat(updatesStored(alice, versioningGroup(courier))).isEqualTo(2);
        assertThat(updatesStored(bob, versioningGroup(courier))).isEqualTo(2);
    }

    @Test
    void aClientBothRunIsVisibleOnceTheContactListsItAndSharedOnceTheContactHasSeenOurs() throws Exception {
        VersionedClient alicesClient = new VersionedClient(3);
        VersionedClient bobsClient = new VersionedClient(2);
        CoreNode alice = nodes.create(aliceDir, "Alice", 0, alicesClient.module());
        CoreNode bob = nodes.create(bobDir, "Bob", 1, bobsClient.module());
        Courier courier = Courier.introduce(alice, bob);

        assertThat(heardFrom(bob, courier.aliceAtBob())).as("nothing has arrived yet").isFalse();
        assertThat(minor(bob, courier.aliceAtBob(), VersionedClient.CLIENT)).isEqualTo(-1);

        // Alice's first update lists the client as inactive: she has not seen that Bob runs it.
        courier.aliceToBob();

        assertThat(heardFrom(bob, courier.aliceAtBob())).isTrue();
        assertThat(heardFrom(alice, courier.bobAtAlice())).isFalse();

        assertThat(visibility(bob, courier.aliceAtBob(), VersionedClient.CLIENT)).isEqualTo(VISIBLE);
        assertThat(testGroupVisibility(courier, bob, bobsClient)).isEqualTo(VISIBLE);
        assertThat(bobsClient.calls()).containsExactly(new Call(courier.aliceAtBob(), VISIBLE));
        assertThat(visibility(alice, courier.bobAtAlice(), VersionedClient.CLIENT)).isEqualTo(INVISIBLE);

        // Bob's answer lists it as active: Alice may send.
        courier.bobToAlice();

        assertThat(visibility(alice, courier.bobAtAlice(), VersionedClient.CLIENT)).isEqualTo(SHARED);
        assertThat(alicesClient.calls()).containsExactly(new Call(courier.bobAtAlice(), SHARED));

        courier.exchangeUntilQuiet();

        assertThat(testGroupVisibility(courier, alice, alicesClient)).isEqualTo(SHARED);
        assertThat(testGroupVisibility(courier, bob, bobsClient)).isEqualTo(SHARED);
        assertThat(bobsClient.calls()).containsExactly(new Call(courier.aliceAtBob(), VISIBLE),
                new Call(courier.aliceAtBob(), SHARED));
        assertThat(alicesClient.calls()).hasSize(1);
        assertThat(minor(alice, courier.bobAtAlice(), VersionedClient.CLIENT)).isEqualTo(2);
        assertThat(minor(bob, courier.aliceAtBob(), VersionedClient.CLIENT)).isEqualTo(3);
    }

    @Test
    void anUpgradeSendsANewUpdateAndTheContactFollowsAndSoDoesADowngrade() throws Exception {
        VersionedClient alicesClient = new VersionedClient(3);
        CoreNode alice = nodes.create(aliceDir, "Alice", 0, alicesClient.module());
        CoreNode bob = nodes.create(bobDir, "Bob", 1);
        Courier courier = Courier.introduce(alice, bob);
        courier.exchangeUntilQuiet();
        assertThat(minor(alice, courier.bobAtAlice(), VersionedClient.CLIENT)).isEqualTo(-1);

        // Bob's new version of the app runs the client too; Alice listed it, so it is visible at once.
        VersionedClient bobsClient = new VersionedClient(1);
        courier = courier.withBob(nodes.restart(bob, bobsClient.module()));
        assertThat(bobsClient.calls()).containsExactly(new Call(courier.aliceAtBob(), VISIBLE));
        assertThat(testGroupVisibility(courier, courier.bob(), bobsClient)).isEqualTo(VISIBLE);
        courier.exchangeUntilQuiet();

        assertThat(minor(alice, courier.bobAtAlice(), VersionedClient.CLIENT)).isEqualTo(1);
        assertThat(alicesClient.calls()).containsExactly(new Call(courier.bobAtAlice(), SHARED));
        assertThat(bobsClient.calls()).endsWith(new Call(courier.aliceAtBob(), SHARED));
        assertThat(testGroupVisibility(courier, alice, alicesClient)).isEqualTo(SHARED);
        assertThat(testGroupVisibility(courier, courier.bob(), bobsClient)).isEqualTo(SHARED);

        // And back: without the client, Bob's next update no longer lists it.
        courier = courier.withBob(nodes.restart(courier.bob()));
        courier.exchangeUntilQuiet();

        assertThat(minor(alice, courier.bobAtAlice(), VersionedClient.CLIENT)).isEqualTo(-1);
        assertThat(alicesClient.calls()).endsWith(new Call(courier.bobAtAlice(), INVISIBLE));
        assertThat(testGroupVisibility(courier, alice, alicesClient)).isEqualTo(INVISIBLE);
        assertThat(updatesStored(alice, versioningGroup(courier))).isEqualTo(2);
    }

    @Test
    void olderAndRepeatedUpdateVersionsAreDeliveredButIgnoredAndDeleted() throws Exception {
        VersionedClient bobsClient = new VersionedClient(0);
        CoreNode alice = nodes.create(aliceDir, "Alice", 0);
        CoreNode bob = nodes.create(bobDir, "Bob", 1, bobsClient.module());
        Courier courier = Courier.introduce(alice, bob);
        courier.exchangeUntilQuiet();
        long now = alice.get(Clock.class).currentTimeMillis();

        Message five = update(courier, now + 2, 7, 5);
        Message four = update(courier, now + 4, 6, 4);
        Message fiveAgain = update(courier, now + 6, 8, 5);
        assertThat(courier.giveToBob(List.of(five))).containsValue(MessageState.DELIVERED);
        assertThat(courier.giveToBob(List.of(four))).containsValue(MessageState.DELIVERED);
        assertThat(courier.giveToBob(List.of(fiveAgain))).containsValue(MessageState.DELIVERED);

        assertThat(minor(bob, courier.aliceAtBob(), VersionedClient.CLIENT)).isEqualTo(7);
        assertThat(raw(bob, five)).isNotNull();
        assertThat(raw(bob, four)).isNull();
        assertThat(raw(bob, fiveAgain)).isNull();
        assertThat(updatesStored(bob, versioningGroup(courier))).isEqualTo(2);
        assertThat(bobsClient.calls()).containsExactly(new Call(courier.aliceAtBob(), SHARED));
    }

    @Test
    void malformedUpdatesAreInvalidAndChangeNothing() throws Exception {
        CoreNode alice = nodes.create(aliceDir, "Alice", 0);
        CoreNode bob = nodes.create(bobDir, "Bob", 1);
        Courier courier = Courier.introduce(alice, bob);
        courier.exchangeUntilQuiet();
        long now = alice.get(Clock.class).currentTimeMillis();
        String tooLong = "x".repeat(101);
        List<Message> bad = List.of(
                message(courier, now, BdfList.of(new BdfList(), 9, 9)),
                message(courier, now, BdfList.of(new BdfList(), -1L)),
                message(courier, now, BdfList.of(BdfList.of(BdfList.of(tooLong, 0, 0, true)), 9)),
                message(courier, now, BdfList.of(BdfList.of(BdfList.of("a", -1, 0, true)), 9)),
                message(courier, now, BdfList.of(BdfList.of(BdfList.of("a", 0, 0, 1)), 9)),
                message(courier, now, BdfList.of(BdfList.of(BdfList.of("a", 0, 0, true),
                        BdfList.of("a", 0, 1, true)), 9)),
                message(courier, now + DAY_MS + 60_000, new Update(List.of(), 9).toList()));

        Map<?, MessageState> outcomes = courier.giveToBob(bad);

        assertThat(outcomes).hasSize(bad.size()).allSatisfy((id, state) -> assertThat(state).isEqualTo(
                MessageState.INVALID));
        assertThat(visibility(bob, courier.aliceAtBob(), PROPERTIES)).isEqualTo(SHARED);
        assertThat(updatesStored(bob, versioningGroup(courier))).isEqualTo(2);
    }

    @Test
    void removingAContactRemovesItsGroupAndAContactWithoutOneGetsOneAtStart() throws Exception {
        CoreNode alice = nodes.create(aliceDir, "Alice", 0);
        CoreNode bob = nodes.create(bobDir, "Bob", 1);
        Courier courier = Courier.introduce(alice, bob);
        GroupId group = versioningGroup(courier);

        // As for a contact added before this client existed.
        bob.db().transaction(false, txn -> bob.db().removeGroup(txn, group));
        CoreNode restarted = nodes.restart(bob);
        assertThat(groupVisibility(restarted, courier.aliceAtBob(), group)).isEqualTo(SHARED);
        assertThat(updatesStored(restarted, group)).isEqualTo(1);

        restarted.db().transaction(false,
                txn -> restarted.get(ContactManager.class).removeContact(txn, courier.aliceAtBob()));
        boolean stored = restarted.db().transactionWithResult(true, txn -> restarted.db().containsGroup(txn, group));
        assertThat(stored).isFalse();
    }

    @Test
    void anAppThatContributesOneClientTwiceDoesNotStart() throws Exception {
        Module twice = binder -> {
            VersioningModule.clients(binder).addBinding(new ClientVersion(VersionedClient.CLIENT, 1))
                    .toInstance((txn, contact, v) -> { });
            VersioningModule.clients(binder).addBinding(new ClientVersion(VersionedClient.CLIENT, 2))
                    .toInstance((txn, contact, v) -> { });
        };
        Injector injector = Guice.createInjector(new BrambleCoreModule(aliceDir), twice);
        LifecycleManager lifecycle = injector.getInstance(LifecycleManager.class);
        try {
            assertThat(lifecycle.startServices(new SecretKey(new byte[SecretKey.LENGTH])))
                    .isEqualTo(StartResult.SERVICE_ERROR);
        } finally {
            lifecycle.stopServices();
            ((ExecutorService) injector.getInstance(Key.get(Executor.class, EventExecutor.class))).shutdownNow();
        }
    }

    /** An update from Alice listing only the test client, at this minor version, as active. */
    private static Message update(Courier courier, long timestamp, int minor, long updateVersion)
            throws DbException {
        Update update = new Update(List.of(new ClientState(VersionedClient.CLIENT, minor, true)), updateVersion);
        return message(courier, timestamp, update.toList());
    }

    /** A message in the versioning group of Alice and Bob, made by hand as Alice's. */
    private static Message message(Courier courier, long timestamp, BdfList body) throws DbException {
        return courier.alice().get(ClientHelper.class).createMessage(versioningGroup(courier), timestamp, body);
    }

    private static GroupId versioningGroup(Courier courier) throws DbException {
        return courier.alice().get(ContactGroupFactory.class).createContactGroup(ClientVersioningManager.CLIENT_ID,
                ClientVersioningManager.MAJOR_VERSION, courier.alice().identity().id(),
                courier.bob().identity().id()).getId();
    }

    private static Visibility testGroupVisibility(Courier courier, CoreNode node, VersionedClient client)
            throws DbException {
        ContactId contact = node == courier.alice() ? courier.bobAtAlice() : courier.aliceAtBob();
        GroupId g = client.contactGroup(courier.alice().identity().id(), courier.bob().identity().id()).getId();
        return groupVisibility(node, contact, g);
    }

    private static Visibility groupVisibility(CoreNode node, ContactId c, GroupId g) throws DbException {
        return node.db().transactionWithResult(true, txn -> node.db().getGroupVisibility(txn, c, g));
    }

    private static Visibility visibility(CoreNode node, ContactId c, ClientMajorVersion client) throws DbException {
        ClientVersioningManager versioning = node.get(ClientVersioningManager.class);
        return node.db().transactionWithResult(true, txn -> versioning.getClientVisibility(txn, c, client));
    }

    private static int minor(CoreNode node, ContactId c, ClientMajorVersion client) throws DbException {
        ClientVersioningManager versioning = node.get(ClientVersioningManager.class);
        return node.db().transactionWithResult(true, txn -> versioning.getClientMinorVersion(txn, c, client));
    }

    private static boolean heardFrom(CoreNode node, ContactId c) throws DbException {
        ClientVersioningManager versioning = node.get(ClientVersioningManager.class);
        return node.db().transactionWithResult(true, txn -> versioning.hasHeardFrom(txn, c));
    }

    /** Updates kept in the group: delivered messages that still have metadata (superseded ones lose it). */
    private static int updatesStored(CoreNode node, GroupId g) throws DbException {
        return node.db().transactionWithResult(true, txn -> node.db().getMessageMetadata(txn, g)).size();
    }

    private static byte[] raw(CoreNode node, Message m) throws DbException {
        return node.db().transactionWithResult(true, txn -> node.db().getMessage(txn, m.getId()));
    }
}
