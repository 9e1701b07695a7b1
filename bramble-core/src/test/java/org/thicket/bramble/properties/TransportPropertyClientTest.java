package org.thicket.bramble.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.client.api.ClientHelper;
import org.thicket.bramble.client.api.ContactGroupFactory;
import org.thicket.bramble.data.api.BdfDictionary;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.plugin.api.PluginCallback;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.api.TransportIds;
import org.thicket.bramble.plugin.api.TransportProperties;
import org.thicket.bramble.plugin.api.TransportPropertyStore;
import org.thicket.bramble.properties.api.RemoteTransportPropertiesUpdatedEvent;
import org.thicket.bramble.properties.api.TransportPropertyManager;
import org.thicket.bramble.sync.api.GroupId;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.test.CoreNode;
import org.thicket.bramble.test.CoreNodes;
import org.thicket.bramble.test.Courier;

/**
 * Nodes publish transport properties through the real client and exchange them by hand (a courier instead of sync
 * sessions); the receiver validates and delivers them for real.
 */
class TransportPropertyClientTest {

    private static final TransportId LAN = TransportIds.LAN;
    private static final TransportId TOR = TransportIds.TOR;
    private static final TransportProperties ALICE_LAN = props("ipPorts", "10.0.0.2:40000", "port", "40000");
    private static final TransportProperties BOB_TOR =
            props("onion3", "abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuvwx");

    @TempDir
    Path aliceDir;
    @TempDir
    Path bobDir;
    @TempDir
    Path carolDir;

    @RegisterExtension
    final CoreNodes nodes = new CoreNodes();

    @Test
    void propertiesFlowBothWaysOnceVersioningSharesTheGroup() throws Exception {
        CoreNode alice = nodes.create(aliceDir, "Alice", 0);
        CoreNode bob = nodes.create(bobDir, "Bob", 1);
        store(alice).mergeLocalProperties(LAN, ALICE_LAN);
        store(bob).mergeLocalProperties(TOR, BOB_TOR);
        List<Event> bobsEvents = Collections.synchronizedList(new ArrayList<>());
        bob.get(EventBus.class).addListener(bobsEvents::add);
        Courier courier = Courier.introduce(alice, bob);

        // Until the versioning handshake, only the versioning update may go.
        List<Message> first = courier.takeFromAlice();
        assertThat(first).hasSize(1);
        courier.giveToBob(first);
        courier.exchangeUntilQuiet();

        assertThat(store(bob).getRemoteProperties(LAN)).isEqualTo(Map.of(courier.aliceAtBob(), ALICE_LAN));
        assertThat(store(bob).getRemoteProperties(courier.aliceAtBob(), LAN)).isEqualTo(ALICE_LAN);
        assertThat(store(bob).getRemoteProperties(TOR)).isEmpty();
        assertThat(store(alice).getRemoteProperties(TOR)).isEqualTo(Map.of(courier.bobAtAlice(), BOB_TOR));
        assertThat(store(alice).getRemoteProperties(courier.bobAtAlice(), LAN).isEmpty()).isTrue();
        assertThat(bobsEvents).contains(new RemoteTransportPropertiesUpdatedEvent(courier.aliceAtBob(), LAN));
        // Each side's group holds its own message and the contact's.
        assertThat(stored(bob, propertiesGroup(courier))).isEqualTo(2);
    }

    @Test
    void aNewerVersionReplacesTheOlderAndAnOlderOneArrivingLateIsIgnored() throws Exception {
        CoreNode alice = nodes.create(aliceDir, "Alice", 0);
        CoreNode bob = nodes.create(bobDir, "Bob", 1);
        Courier courier = Courier.introduce(alice, bob);
        courier.exchangeUntilQuiet();

        store(alice).mergeLocalProperties(LAN, props("port", "1"));
        List<Message> first = courier.takeFromAlice();
        store(alice).mergeLocalProperties(LAN, props("port", "2"));
        List<Message> second = courier.takeFromAlice();
        assertThat(first).hasSize(1);
        assertThat(second).hasSize(1);
        assertThat(courier.giveToBob(second)).containsValue(MessageState.DELIVERED);
        assertThat(courier.giveToBob(first)).containsValue(MessageState.DELIVERED);

        assertThat(store(bob).getRemoteProperties(courier.aliceAtBob(), LAN)).isEqualTo(props("port", "2"));
        assertThat(raw(bob, first.get(0))).isNull();

        store(alice).mergeLocalProperties(LAN, props("ipPorts", "10.0.0.3:1"));
        courier.exchangeUntilQuiet();

        assertThat(store(bob).getRemoteProperties(courier.aliceAtBob(), LAN))
                .isEqualTo(props("port", "2", "ipPorts", "10.0.0.3:1"));
        assertThat(raw(bob, second.get(0))).isNull();
        assertThat(stored(bob, propertiesGroup(courier))).isEqualTo(1);
        assertThat(stored(alice, propertiesGroup(courier))).isEqualTo(1);
    }

    @Test
    void aPluginsNewPropertiesGoToEveryContactAndUnchangedOnesToNone() throws Exception {
        CallbackPlugin lan = new CallbackPlugin(LAN);
        CoreNode alice = nodes.create(aliceDir, "Alice", 0, lan.module());
        CoreNode bob = nodes.create(bobDir, "Bob", 1);
        CoreNode carol = nodes.create(carolDir, "Carol", 1);
        Courier toBob = Courier.introduce(alice, bob);
        Courier toCarol = Courier.introduce(alice, carol);
        toBob.exchangeUntilQuiet();
        toCarol.exchangeUntilQuiet();
        PluginCallback callback = lan.callback();

        callback.mergeLocalProperties(ALICE_LAN);

        assertThat(callback.getLocalProperties()).isEqualTo(ALICE_LAN);
        assertThat(toBob.aliceToBob()).hasSize(1);
        assertThat(toCarol.aliceToBob()).hasSize(1);
        assertThat(store(bob).getRemoteProperties(LAN)).isEqualTo(Map.of(toBob.aliceAtBob(), ALICE_LAN));
        assertThat(store(carol).getRemoteProperties(LAN)).isEqualTo(Map.of(toCarol.aliceAtBob(), ALICE_LAN));

        callback.mergeLocalProperties(props("port", "40000"));

        assertThat(toBob.takeFromAlice()).isEmpty();
        assertThat(toCarol.takeFromAlice()).isEmpty();
    }

    @Test
    void localPropertiesOverTheLimitsAreRefusedBeforeAnythingIsWritten() throws Exception {
        CoreNode alice = nodes.create(aliceDir, "Alice", 0);
        CoreNode bob = nodes.create(bobDir, "Bob", 1);
        Courier courier = Courier.introduce(alice, bob);
        courier.exchangeUntilQuiet();
        Map<String, String> first = new HashMap<>();
        Map<String, String> second = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            first.put("a" + i, "x");
            second.put("b" + i, "y");
        }
        store(alice).mergeLocalProperties(LAN, new TransportProperties(first));
        courier.exchangeUntilQuiet();

        assertThatThrownBy(() -> store(alice).mergeLocalProperties(LAN, new TransportProperties(second)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(store(alice).getLocalProperties(LAN).values()).isEqualTo(first);
        assertThat(courier.takeFromAlice()).isEmpty();
    }

    @Test
    void malformedPropertiesAreInvalidAndChangeNothing() throws Exception {
        CoreNode alice = nodes.create(aliceDir, "Alice", 0);
        CoreNode bob = nodes.create(bobDir, "Bob", 1);
        Courier courier = Courier.introduce(alice, bob);
        store(alice).mergeLocalProperties(LAN, ALICE_LAN);
        courier.exchangeUntilQuiet();
        long now = alice.get(Clock.class).currentTimeMillis();
        BdfDictionary tooMany = new BdfDictionary();
        for (int i = 0; i <= TransportProperties.MAX_PROPERTIES; i++) tooMany.put("k" + i, "v");
        String tooLong = "x".repeat(TransportProperties.MAX_PROPERTY_LENGTH + 1);
        List<Message> bad = List.of(
                message(courier, now, BdfList.of(LAN.value(), 9, tooMany)),
                message(courier, now, BdfList.of(LAN.value(), 9, new BdfDictionary().with(tooLong, "v"))),
                message(courier, now, BdfList.of(LAN.value(), 9, new BdfDictionary().with("k", tooLong))),
                message(courier, now, BdfList.of(LAN.value(), 9, new BdfDictionary().with("", "v"))),
                message(courier, now, BdfList.of(LAN.value(), 9, new BdfDictionary().with("k", 1))),
                message(courier, now, BdfList.of(LAN.value(), -1, new BdfDictionary())),
                message(courier, now, BdfList.of("", 9, new BdfDictionary())),
                message(courier, now, BdfList.of(LAN.value(), 9)),
                message(courier, now + 25L * 60 * 60 * 1000, BdfList.of(LAN.value(), 9, new BdfDictionary())));

        assertThat(courier.giveToBob(bad)).hasSize(bad.size())
                .allSatisfy((id, state) -> assertThat(state).isEqualTo(MessageState.INVALID));
        assertThat(store(bob).getRemoteProperties(courier.aliceAtBob(), LAN)).isEqualTo(ALICE_LAN);
    }

    @Test
    void propertiesFromContactExchangeCountAsVersionZeroAndOursSurviveARestart() throws Exception {
        CoreNode alice = nodes.create(aliceDir, "Alice", 0);
        CoreNode bob = nodes.create(bobDir, "Bob", 1);
        store(alice).mergeLocalProperties(LAN, ALICE_LAN);
        Courier courier = Courier.introduce(alice, bob);
        TransportPropertyManager bobs = bob.get(TransportPropertyManager.class);
        TransportPropertyManager alices = alice.get(TransportPropertyManager.class);
        Map<TransportId, TransportProperties> exchanged =
                alice.db().transactionWithResult(true, alices::getLocalProperties);
        assertThat(exchanged).isEqualTo(Map.of(LAN, ALICE_LAN));

        bob.db().transaction(false, txn -> bobs.addRemoteProperties(txn, courier.aliceAtBob(),
                Map.of(LAN, props("port", "1"), TOR, BOB_TOR)));
        assertThat(bobs.getRemoteProperties(courier.aliceAtBob(), TOR)).isEqualTo(BOB_TOR);
        assertThat(bobs.getRemoteProperties(courier.aliceAtBob(), LAN)).isEqualTo(props("port", "1"));

        courier.exchangeUntilQuiet();
        bob.db().transaction(false, txn -> bobs.addRemoteProperties(txn, courier.aliceAtBob(),
                Map.of(LAN, props("port", "2"))));

        assertThat(bobs.getRemoteProperties(courier.aliceAtBob(), LAN)).isEqualTo(ALICE_LAN);
        CoreNode restarted = nodes.restart(alice);
        assertThat(store(restarted).getLocalProperties(LAN)).isEqualTo(ALICE_LAN);
    }

    private static TransportPropertyStore store(CoreNode node) {
        return node.get(TransportPropertyStore.class);
    }

    private static TransportProperties props(String... keysAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) values.put(keysAndValues[i], keysAndValues[i + 1]);
        return new TransportProperties(values);
    }

    /** A message in the properties group of Alice and Bob, made by hand as Alice's. */
    private static Message message(Courier courier, long timestamp, BdfList body) throws DbException {
        return courier.alice().get(ClientHelper.class).createMessage(propertiesGroup(courier), timestamp, body);
    }

    private static GroupId propertiesGroup(Courier courier) throws DbException {
        return courier.alice().get(ContactGroupFactory.class).createContactGroup(TransportPropertyManager.CLIENT_ID,
                TransportPropertyManager.MAJOR_VERSION, courier.alice().identity().id(),
                courier.bob().identity().id()).getId();
    }

    /** Messages kept in the group: delivered ones that still have metadata (superseded ones lose it). */
    private static int stored(CoreNode node, GroupId g) throws DbException {
        return node.db().transactionWithResult(true, txn -> node.db().getMessageMetadata(txn, g)).size();
    }

    private static byte[] raw(CoreNode node, Message m) throws DbException {
        return node.db().transactionWithResult(true, txn -> node.db().getMessage(txn, m.getId()));
    }
}
