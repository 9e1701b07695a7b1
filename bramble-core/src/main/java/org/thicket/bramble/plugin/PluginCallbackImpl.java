package org.thicket.bramble.plugin;

import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.connection.api.ConnectionManager;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.Plugin;
import org.thicket.bramble.plugin.api.PluginCallback;
import org.thicket.bramble.plugin.api.TransportActiveEvent;
import org.thicket.bramble.plugin.api.TransportConnectionReader;
import org.thicket.bramble.plugin.api.TransportConnectionWriter;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.api.TransportInactiveEvent;
import org.thicket.bramble.plugin.api.TransportProperties;
import org.thicket.bramble.plugin.api.TransportPropertyStore;
import org.thicket.bramble.plugin.api.TransportStateEvent;
import org.thicket.bramble.settings.api.Settings;

/** One plugin's view of the app: its settings namespace, its properties, and where its connections go. */
final class PluginCallbackImpl implements PluginCallback {

    private static final Logger LOG = LoggerFactory.getLogger(PluginCallbackImpl.class);

    private final TransportId transportId;
    private final DatabaseComponent db;
    private final TransportPropertyStore propertyStore;
    private final ConnectionManager connectionManager;
    private final EventBus eventBus;

    private final Object stateLock = new Object();
    private Plugin.State state = Plugin.State.STARTING_STOPPING; // guarded by stateLock

    PluginCallbackImpl(TransportId transportId, DatabaseComponent db, TransportPropertyStore propertyStore,
            ConnectionManager connectionManager, EventBus eventBus) {
        this.transportId = transportId;
        this.db = db;
        this.propertyStore = propertyStore;
        this.connectionManager = connectionManager;
        this.eventBus = eventBus;
    }

    @Override
    public Settings getSettings() throws DbException {
        return db.transactionWithResult(true, txn -> db.getSettings(txn, transportId.value()));
    }

    @Override
    public void mergeSettings(Settings settings) throws DbException {
        db.transaction(false, txn -> db.mergeSettings(txn, settings, transportId.value()));
    }

    @Override
    public TransportProperties getLocalProperties() throws DbException {
        return propertyStore.getLocalProperties(transportId);
    }

    @Override
    public void mergeLocalProperties(TransportProperties properties) throws DbException {
        propertyStore.mergeLocalProperties(transportId, properties);
    }

    @Override
    public Map<ContactId, TransportProperties> getRemoteProperties() throws DbException {
        return propertyStore.getRemoteProperties(transportId);
    }

    /**
     * Announces a change only. Broadcasting merely queues the events, so doing it under the lock costs nothing and
     * keeps the events of a plugin that reports from several threads in the order its state changed.
     */
    @Override
    public void pluginStateChanged(Plugin.State newState) {
        synchronized (stateLock) {
            if (newState == state) return;
            Plugin.State oldState = state;
            state = newState;
            eventBus.broadcast(new TransportStateEvent(transportId, newState));
            if (newState == Plugin.State.ACTIVE) {
                eventBus.broadcast(new TransportActiveEvent(transportId));
            } else if (oldState == Plugin.State.ACTIVE) {
                eventBus.broadcast(new TransportInactiveEvent(transportId));
            }
        }
    }

    @Override
    public void handleConnection(DuplexTransportConnection connection) {
        connectionManager.manageIncomingConnection(transportId, connection);
    }

    @Override
    public void handleReader(TransportConnectionReader reader) {
        connectionManager.manageIncomingConnection(transportId, reader);
    }

    /** Writers are made for a contact, through a poll or the poller; a plugin has no contact to give one here. */
    @Override
    public void handleWriter(TransportConnectionWriter writer) {
        LOG.warn("Plugin {} handed over a writer with no contact; discarding it", transportId.value());
        try {
            writer.dispose(false);
        } catch (IOException e) {
            LOG.warn("Disposing of a writer over {} failed", transportId.value(), e);
        }
    }
}
