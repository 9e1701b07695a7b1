package org.thicket.bramble.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thicket.bramble.plugin.api.Plugin.State.ACTIVE;
import static org.thicket.bramble.plugin.api.Plugin.State.ENABLING;
import static org.thicket.bramble.plugin.api.Plugin.State.INACTIVE;
import static org.thicket.bramble.plugin.api.Plugin.State.STARTING_STOPPING;

import com.google.inject.Guice;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.DatabaseModule;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DatabaseConfig;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.MigrationListener;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.lifecycle.api.ServiceException;
import org.thicket.bramble.plugin.RecordingConnectionManager.Kind;
import org.thicket.bramble.plugin.RecordingConnectionManager.Managed;
import org.thicket.bramble.plugin.TestPlugins.DuplexFactory;
import org.thicket.bramble.plugin.TestPlugins.SimplexFactory;
import org.thicket.bramble.plugin.TestPlugins.TestConnection;
import org.thicket.bramble.plugin.TestPlugins.TestDuplexPlugin;
import org.thicket.bramble.plugin.TestPlugins.TestReader;
import org.thicket.bramble.plugin.TestPlugins.TestSimplexPlugin;
import org.thicket.bramble.plugin.TestPlugins.TestWriter;
import org.thicket.bramble.plugin.api.DuplexPluginFactory;
import org.thicket.bramble.plugin.api.PluginException;
import org.thicket.bramble.plugin.api.SimplexPluginFactory;
import org.thicket.bramble.plugin.api.TransportActiveEvent;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.api.TransportInactiveEvent;
import org.thicket.bramble.plugin.api.TransportProperties;
import org.thicket.bramble.plugin.api.TransportPropertyStore;
import org.thicket.bramble.plugin.api.TransportStateEvent;
import org.thicket.bramble.settings.api.Settings;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.test.CapturingEventBus;
import org.thicket.bramble.test.SettableClock;

class PluginManagerImplTest {

    private static final TransportId DUPLEX = new TransportId("org.thicket.test.duplex");
    private static final TransportId SIMPLEX = new TransportId("org.thicket.test.simplex");

    @TempDir
    Path dir;
    private DatabaseComponent db;

    private final CapturingEventBus bus = new CapturingEventBus();
    private final RecordingConnectionManager connectionManager = new RecordingConnectionManager();
    private final List<TestDuplexPlugin> duplexCreated = new ArrayList<>();
    private final List<TestSimplexPlugin> simplexCreated = new ArrayList<>();
    private final MemoryProperties properties = new MemoryProperties();

    /** Properties kept in memory per transport, so a test sees which transport each call named. */
    private static final class MemoryProperties implements TransportPropertyStore {
        final Map<TransportId, TransportProperties> local = new HashMap<>();
        final Map<TransportId, Map<ContactId, TransportProperties>> remote = new HashMap<>();

        @Override
        public TransportProperties getLocalProperties(TransportId transportId) {
            return local.getOrDefault(transportId, TransportProperties.EMPTY);
        }

        @Override
        public void mergeLocalProperties(TransportId transportId, TransportProperties update) {
            local.put(transportId, getLocalProperties(transportId).merge(update));
        }

        @Override
        public Map<ContactId, TransportProperties> getRemoteProperties(TransportId transportId) {
            return remote.getOrDefault(transportId, Map.of());
        }

        @Override
        public TransportProperties getRemoteProperties(ContactId contactId, TransportId transportId) {
            return getRemoteProperties(transportId).getOrDefault(contactId, TransportProperties.EMPTY);
        }
    }

    /** A real database: the manager reads and writes settings in it. */
    @BeforeEach
    void openDatabase() throws DbException {
        db = Guice.createInjector(new DatabaseModule(), binder -> {
            binder.bind(DatabaseConfig.class).toInstance(() -> dir);
            binder.bind(EventBus.class).toInstance(new CapturingEventBus());
            binder.bind(Clock.class).toInstance(new SettableClock());
        }).getInstance(DatabaseComponent.class);
        byte[] key = new byte[SecretKey.LENGTH];
        new SecureRandom().nextBytes(key);
        db.open(new SecretKey(key), MigrationListener.NONE);
    }

    @AfterEach
    void closeDatabase() throws DbException {
        db.close();
    }

    private DuplexFactory duplexFactory(TransportId id) {
        return new DuplexFactory(id, callback -> {
            TestDuplexPlugin plugin = new TestDuplexPlugin(id, callback);
            duplexCreated.add(plugin);
            return plugin;
        });
    }

    private SimplexFactory simplexFactory(TransportId id) {
        return new SimplexFactory(id, callback -> {
            TestSimplexPlugin plugin = new TestSimplexPlugin(id, callback);
            simplexCreated.add(plugin);
            return plugin;
        });
    }

    private PluginManagerImpl manager(Set<DuplexPluginFactory> duplex, Set<SimplexPluginFactory> simplex,
            Executor ioExecutor) {
        return new PluginManagerImpl(duplex, simplex, db, properties, connectionManager, bus, ioExecutor);
    }

    private PluginManagerImpl startedManager() throws ServiceException {
        PluginManagerImpl manager = manager(Set.of(duplexFactory(DUPLEX)), Set.of(simplexFactory(SIMPLEX)),
                Runnable::run);
        manager.startService();
        return manager;
    }

    @Test
    void createsAndStartsAPluginFromEveryFactoryOfBothKinds() throws ServiceException {
        PluginManagerImpl manager = startedManager();

        TestDuplexPlugin duplex = duplexCreated.get(0);
        TestSimplexPlugin simplex = simplexCreated.get(0);
        assertThat(manager.getPlugin(DUPLEX)).isSameAs(duplex);
        assertThat(manager.getPlugin(SIMPLEX)).isSameAs(simplex);
        assertThat(manager.getDuplexPlugins()).containsExactly(duplex);
        assertThat(manager.getSimplexPlugins()).containsExactly(simplex);
        assertThat(duplex.calls).containsExactly("start");
        assertThat(simplex.calls).containsExactly("start");
    }

    @Test
    void hasNoPluginsBeforeItStarts() {
        PluginManagerImpl manager = manager(Set.of(duplexFactory(DUPLEX)), Set.of(), Runnable::run);
        assertThat(manager.getPlugin(DUPLEX)).isNull();
        assertThat(manager.getDuplexPlugins()).isEmpty();
        assertThat(duplexCreated).isEmpty();
    }

    @Test
    void aFactoryMayDecline() throws ServiceException {
        PluginManagerImpl manager = manager(Set.of(new DuplexFactory(DUPLEX, callback -> null)), Set.of(),
                Runnable::run);
        manager.startService();
        assertThat(manager.getPlugin(DUPLEX)).isNull();
        assertThat(manager.getDuplexPlugins()).isEmpty();
        manager.stopService();
    }

    @Test
    void twoFactoriesForOneTransportFailTheStartBeforeAnythingStarts() {
        PluginManagerImpl manager = manager(Set.of(duplexFactory(DUPLEX)), Set.of(simplexFactory(DUPLEX)),
                Runnable::run);
        assertThatThrownBy(manager::startService).isInstanceOf(ServiceException.class)
                .hasMessageContaining(DUPLEX.value());
        assertThat(duplexCreated.get(0).calls).isEmpty();
        assertThat(manager.getPlugin(DUPLEX)).isNull();
    }

    @Test
    void aPluginForAnotherTransportThanItsFactorySaysFailsTheStart() {
        PluginManagerImpl manager = manager(Set.of(new DuplexFactory(DUPLEX,
                callback -> new TestDuplexPlugin(SIMPLEX, callback))), Set.of(), Runnable::run);
        assertThatThrownBy(manager::startService).isInstanceOf(ServiceException.class);
    }

    @Test
    void startsPluginsInParallel() throws Exception {
        // Each start waits for the other at a barrier: both can only pass if they run at the same time.
        CyclicBarrier barrier = new CyclicBarrier(2);
        List<String> outcomes = new CopyOnWriteArrayList<>();
        TestPlugins.StartAction meet = () -> {
            try {
                barrier.await(10, TimeUnit.SECONDS);
                outcomes.add("met");
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new PluginException("The other plugin did not start meanwhile", e);
            }
        };
        ExecutorService ioExecutor = Executors.newCachedThreadPool();
        try {
            PluginManagerImpl manager = manager(Set.of(new DuplexFactory(DUPLEX, callback -> {
                TestDuplexPlugin plugin = new TestDuplexPlugin(DUPLEX, callback);
                plugin.onStart = meet;
                duplexCreated.add(plugin);
                return plugin;
            })), Set.of(new SimplexFactory(SIMPLEX, callback -> {
                TestSimplexPlugin plugin = new TestSimplexPlugin(SIMPLEX, callback);
                plugin.onStart = meet;
                simplexCreated.add(plugin);
                return plugin;
            })), ioExecutor);
            manager.startService();
            manager.stopService(); // waits for both starts, then stops both
        } finally {
            ioExecutor.shutdownNow();
        }
        assertThat(outcomes).containsExactly("met", "met");
        assertThat(duplexCreated.get(0).calls).containsExactly("start", "stop");
        assertThat(simplexCreated.get(0).calls).containsExactly("start", "stop");
    }

    @Test
    void onlyPluginsThatStartedAreStopped() throws ServiceException {
        PluginManagerImpl manager = manager(Set.of(new DuplexFactory(DUPLEX, callback -> {
            TestDuplexPlugin plugin = new TestDuplexPlugin(DUPLEX, callback);
            plugin.onStart = () -> {
                throw new PluginException("No network interface");
            };
            duplexCreated.add(plugin);
            return plugin;
        })), Set.of(simplexFactory(SIMPLEX)), Runnable::run);
        manager.startService();
        manager.stopService();
        assertThat(duplexCreated.get(0).calls).containsExactly("start");
        assertThat(simplexCreated.get(0).calls).containsExactly("start", "stop");
    }

    @Test
    void stateChangesAreAnnouncedOnceAndActivityOnEntryAndExit() throws ServiceException {
        startedManager();
        TestDuplexPlugin plugin = duplexCreated.get(0);

        plugin.report(STARTING_STOPPING);
        plugin.report(ENABLING);
        plugin.report(ACTIVE);
        plugin.report(ACTIVE);
        plugin.report(INACTIVE);
        plugin.report(ENABLING);
        plugin.report(ACTIVE);

        assertThat(bus.events()).containsExactly(
                new TransportStateEvent(DUPLEX, ENABLING),
                new TransportStateEvent(DUPLEX, ACTIVE), new TransportActiveEvent(DUPLEX),
                new TransportStateEvent(DUPLEX, INACTIVE), new TransportInactiveEvent(DUPLEX),
                new TransportStateEvent(DUPLEX, ENABLING),
                new TransportStateEvent(DUPLEX, ACTIVE), new TransportActiveEvent(DUPLEX));
    }

    @Test
    void stoppingAnnouncesTheTransportInactiveIfThePluginDidNot() throws ServiceException {
        PluginManagerImpl manager = startedManager();
        duplexCreated.get(0).report(ACTIVE);
        simplexCreated.get(0).report(ACTIVE);
        simplexCreated.get(0).report(STARTING_STOPPING); // a plugin that reports its own stop
        bus.clear();

        manager.stopService();

        assertThat(bus.events()).containsExactly(new TransportStateEvent(DUPLEX, STARTING_STOPPING),
                new TransportInactiveEvent(DUPLEX));
    }

    @Test
    void incomingConnectionsGoToTheConnectionManager() throws ServiceException {
        startedManager();
        TestDuplexPlugin plugin = duplexCreated.get(0);
        TestConnection connection = new TestConnection();
        TestReader reader = new TestReader();

        plugin.callback.handleConnection(connection);
        plugin.callback.handleReader(reader);

        assertThat(connectionManager.managed).containsExactly(
                new Managed(Kind.INCOMING_DUPLEX, null, DUPLEX, connection),
                new Managed(Kind.INCOMING_READER, null, DUPLEX, reader));
    }

    @Test
    void aWriterWithNoContactIsDiscarded() throws ServiceException {
        startedManager();
        TestWriter writer = new TestWriter();
        simplexCreated.get(0).callback.handleWriter(writer);
        assertThat(writer.disposed).isTrue();
        assertThat(connectionManager.managed).isEmpty();
    }

    @Test
    void settingsRoundTripThroughTheDatabaseInTheTransportsNamespace() throws Exception {
        startedManager();
        TestDuplexPlugin plugin = duplexCreated.get(0);

        plugin.callback.mergeSettings(Settings.EMPTY.withBoolean("enable", true).withInt("port", 40_000));
        plugin.callback.mergeSettings(Settings.EMPTY.withInt("port", 40_001));

        assertThat(plugin.callback.getSettings().getBoolean("enable", false)).isTrue();
        assertThat(plugin.callback.getSettings().getInt("port", 0)).isEqualTo(40_001);
        Settings stored = db.transactionWithResult(true, txn -> db.getSettings(txn, DUPLEX.value()));
        assertThat(stored.values()).containsEntry("enable", "true").containsEntry("port", "40001");
        assertThat(simplexCreated.get(0).callback.getSettings().values()).isEmpty();
    }

    @Test
    void propertiesGoThroughTheStoreUnderThePluginsTransport() throws Exception {
        startedManager();
        TestDuplexPlugin plugin = duplexCreated.get(0);
        ContactId contact = new ContactId(1);
        properties.remote.put(DUPLEX, Map.of(contact, new TransportProperties(Map.of("port", "40001"))));

        plugin.callback.mergeLocalProperties(new TransportProperties(Map.of("port", "40000")));
        plugin.callback.mergeLocalProperties(new TransportProperties(Map.of("ipPorts", "10.0.0.2:40000")));

        assertThat(plugin.callback.getLocalProperties().values())
                .isEqualTo(Map.of("port", "40000", "ipPorts", "10.0.0.2:40000"));
        assertThat(properties.local).containsOnlyKeys(DUPLEX);
        assertThat(simplexCreated.get(0).callback.getLocalProperties().isEmpty()).isTrue();
        assertThat(plugin.callback.getRemoteProperties()).containsOnlyKeys(contact);
        assertThat(simplexCreated.get(0).callback.getRemoteProperties()).isEmpty();
    }
}
