package org.thicket.bramble.plugin.tor;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.Plugin;
import org.thicket.bramble.plugin.api.PluginCallback;
import org.thicket.bramble.plugin.api.TransportConnectionReader;
import org.thicket.bramble.plugin.api.TransportConnectionWriter;
import org.thicket.bramble.plugin.api.TransportProperties;
import org.thicket.bramble.settings.api.Settings;
import org.thicket.bramble.settings.api.SettingsUpdatedEvent;

/**
 * A plugin callback kept in memory, as the plugin manager's would be kept in the database: settings changes are
 * announced on the event bus like the database announces them, and incoming connections queue up for the test.
 */
final class TestPluginCallback implements PluginCallback {

    private final EventBus eventBus;
    private final AtomicReference<Settings> settings = new AtomicReference<>(Settings.EMPTY);
    private final AtomicReference<TransportProperties> local = new AtomicReference<>(TransportProperties.EMPTY);
    private final AtomicReference<Plugin.State> state = new AtomicReference<>(Plugin.State.STARTING_STOPPING);
    private final BlockingQueue<DuplexTransportConnection> incoming = new LinkedBlockingQueue<>();

    TestPluginCallback(EventBus eventBus) {
        this.eventBus = eventBus;
    }

    @Override
    public Settings getSettings() {
        return settings.get();
    }

    @Override
    public void mergeSettings(Settings update) {
        Settings merged = settings.updateAndGet(s -> s.merge(update));
        eventBus.broadcast(new SettingsUpdatedEvent(TorPlugin.ID.value(), merged));
    }

    @Override
    public TransportProperties getLocalProperties() {
        return local.get();
    }

    @Override
    public void mergeLocalProperties(TransportProperties properties) {
        local.updateAndGet(p -> p.merge(properties));
    }

    @Override
    public Map<ContactId, TransportProperties> getRemoteProperties() {
        return Map.of();
    }

    @Override
    public void pluginStateChanged(Plugin.State newState) {
        state.set(newState);
    }

    Plugin.State reportedState() {
        return state.get();
    }

    @Override
    public void handleConnection(DuplexTransportConnection connection) {
        incoming.add(connection);
    }

    @Override
    public void handleReader(TransportConnectionReader reader) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void handleWriter(TransportConnectionWriter writer) {
        throw new UnsupportedOperationException();
    }

    DuplexTransportConnection awaitIncoming(Duration timeout) throws InterruptedException {
        return incoming.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
