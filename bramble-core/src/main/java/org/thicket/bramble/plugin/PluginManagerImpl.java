package org.thicket.bramble.plugin;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.connection.api.ConnectionManager;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.lifecycle.api.Service;
import org.thicket.bramble.lifecycle.api.ServiceException;
import org.thicket.bramble.plugin.api.DuplexPlugin;
import org.thicket.bramble.plugin.api.DuplexPluginFactory;
import org.thicket.bramble.plugin.api.IoExecutor;
import org.thicket.bramble.plugin.api.Plugin;
import org.thicket.bramble.plugin.api.PluginException;
import org.thicket.bramble.plugin.api.PluginFactory;
import org.thicket.bramble.plugin.api.PluginManager;
import org.thicket.bramble.plugin.api.SimplexPlugin;
import org.thicket.bramble.plugin.api.SimplexPluginFactory;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.api.TransportPropertyStore;

/**
 * Plugins start in parallel on the I/O executor, so a slow transport does not hold up the others or the lifecycle.
 * Stopping waits for each plugin's start to end before stopping it (only a plugin that started is stopped), and
 * returns when all have stopped.
 */
final class PluginManagerImpl implements PluginManager, Service {

    private static final Logger LOG = LoggerFactory.getLogger(PluginManagerImpl.class);

    private final Set<DuplexPluginFactory> duplexFactories;
    private final Set<SimplexPluginFactory> simplexFactories;
    private final DatabaseComponent db;
    private final TransportPropertyStore propertyStore;
    private final ConnectionManager connectionManager;
    private final EventBus eventBus;
    private final Executor ioExecutor;

    // Filled by startService; concurrent because other threads may look plugins up meanwhile.
    private final Map<TransportId, ManagedPlugin> plugins = new ConcurrentHashMap<>();
    private final List<DuplexPlugin> duplexPlugins = new CopyOnWriteArrayList<>();
    private final List<SimplexPlugin> simplexPlugins = new CopyOnWriteArrayList<>();

    @Inject
    PluginManagerImpl(Set<DuplexPluginFactory> duplexFactories, Set<SimplexPluginFactory> simplexFactories,
            DatabaseComponent db, TransportPropertyStore propertyStore, ConnectionManager connectionManager,
            EventBus eventBus, @IoExecutor Executor ioExecutor) {
        this.duplexFactories = duplexFactories;
        this.simplexFactories = simplexFactories;
        this.db = db;
        this.propertyStore = propertyStore;
        this.connectionManager = connectionManager;
        this.eventBus = eventBus;
        this.ioExecutor = ioExecutor;
    }

    /** A plugin with its callback and the outcome of its start: true if it started. */
    private record ManagedPlugin(Plugin plugin, PluginCallbackImpl callback, CompletableFuture<Boolean> started) {
    }

    /** Creates every plugin before starting any, so a misconfiguration fails the start with nothing running. */
    @Override
    public void startService() throws ServiceException {
        Map<Plugin, PluginCallbackImpl> created = new LinkedHashMap<>();
        for (DuplexPluginFactory factory : duplexFactories) create(factory, created);
        for (SimplexPluginFactory factory : simplexFactories) create(factory, created);
        created.forEach(this::start);
    }

    private void create(PluginFactory<?> factory, Map<Plugin, PluginCallbackImpl> created)
            throws ServiceException {
        TransportId id = factory.getId();
        if (created.keySet().stream().anyMatch(p -> p.getId().equals(id))) {
            throw new ServiceException("Two plugins for " + id.value());
        }
        PluginCallbackImpl callback = new PluginCallbackImpl(id, db, propertyStore, connectionManager, eventBus);
        Plugin plugin = factory.createPlugin(callback);
        if (plugin == null) {
            LOG.info("No plugin for {} on this platform", id.value());
            return;
        }
        if (!plugin.getId().equals(id)) {
            throw new ServiceException("The factory for " + id.value() + " made a plugin for "
                    + plugin.getId().value());
        }
        created.put(plugin, callback);
    }

    private void start(Plugin plugin, PluginCallbackImpl callback) {
        if (plugin instanceof DuplexPlugin duplex) duplexPlugins.add(duplex);
        if (plugin instanceof SimplexPlugin simplex) simplexPlugins.add(simplex);
        plugins.put(plugin.getId(), new ManagedPlugin(plugin, callback,
                CompletableFuture.supplyAsync(() -> start(plugin), ioExecutor)));
    }

    private static boolean start(Plugin plugin) {
        try {
            plugin.start();
            return true;
        } catch (PluginException | RuntimeException e) {
            LOG.warn("Plugin {} failed to start", plugin.getId().value(), e);
            return false;
        }
    }

    @Override
    public void stopService() {
        CompletableFuture<?>[] stops = plugins.values().stream()
                .map(p -> p.started().thenAcceptAsync(started -> stop(p, started), ioExecutor))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(stops).join();
    }

    /**
     * Reports the plugin as stopping on its behalf once it has stopped: a no-op if it already did, and otherwise the
     * last word, so listeners always see an active transport go inactive.
     */
    private static void stop(ManagedPlugin managed, boolean started) {
        Plugin plugin = managed.plugin();
        try {
            if (started) plugin.stop();
        } catch (PluginException | RuntimeException e) {
            LOG.warn("Plugin {} failed to stop", plugin.getId().value(), e);
        }
        managed.callback().pluginStateChanged(Plugin.State.STARTING_STOPPING);
    }

    @Override
    public Plugin getPlugin(TransportId transportId) {
        ManagedPlugin managed = plugins.get(transportId);
        return managed == null ? null : managed.plugin();
    }

    @Override
    public Collection<DuplexPlugin> getDuplexPlugins() {
        return List.copyOf(duplexPlugins);
    }

    @Override
    public Collection<SimplexPlugin> getSimplexPlugins() {
        return List.copyOf(simplexPlugins);
    }
}
