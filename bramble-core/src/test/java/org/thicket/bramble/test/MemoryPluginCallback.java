package org.thicket.bramble.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.api.TransportProperties;
import org.thicket.bramble.settings.api.Settings;
import org.thicket.bramble.settings.api.SettingsUpdatedEvent;

/**
 * A duplex plugin's view of an app that lives in memory, for plugin tests: settings and local properties merged in
 * place, no contacts, every reported state recorded and every incoming connection queued. Given an event bus it also
 * announces merged settings, as the app does. Thread-safe.
 */
public final class MemoryPluginCallback implements PluginCallback {

    private final BlockingQueue<DuplexTransportConnection> incoming = new LinkedBlockingQueue<>();
    private final List<Plugin.State> states = new CopyOnWriteArrayList<>();
    private final AtomicReference<Settings> settings;
    private final AtomicReference<TransportProperties> local = new AtomicReference<>(TransportProperties.EMPTY);
    private final EventBus eventBus;
    private final TransportId transportId;

    public MemoryPluginCallback(Settings initial) {
        this(initial, null, null);
    }

    /** @param eventBus where merged settings are announced under the transport's namespace */
    public MemoryPluginCallback(Settings initial, EventBus eventBus, TransportId transportId) {
        this.settings = new AtomicReference<>(initial);
        this.eventBus = eventBus;
        this.transportId = transportId;
    }

    /** The connections handed over, oldest first. */
    public BlockingQueue<DuplexTransportConnection> incoming() {
        return incoming;
    }

    /** Waits at most the timeout for the next connection handed over; null if none came. */
    public DuplexTransportConnection awaitIncoming(Duration timeout) throws InterruptedException {
        return incoming.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every state the plugin reported, in order. */
    public List<Plugin.State> states() {
        return states;
    }

    /** The last state the plugin reported, or STARTING_STOPPING before the first. */
    public Plugin.State lastState() {
        return states.isEmpty() ? Plugin.State.STARTING_STOPPING : states.get(states.size() - 1);
    }

    @Override
    public Settings getSettings() {
        return settings.get();
    }

    @Override
    public void mergeSettings(Settings update) {
        Settings merged = settings.updateAndGet(s -> s.merge(update));
        if (eventBus != null) eventBus.broadcast(new SettingsUpdatedEvent(transportId.value(), merged));
    }

    @Override
    public TransportProperties getLocalProperties() {
        return local.get();
    }

    @Override
    public void mergeLocalProperties(TransportProperties update) {
        local.updateAndGet(p -> p.merge(update));
    }

    @Override
    public Map<ContactId, TransportProperties> getRemoteProperties() {
        return Map.of();
    }

    @Override
    public void pluginStateChanged(Plugin.State state) {
        states.add(state);
    }

    @Override
    public void handleConnection(DuplexTransportConnection connection) {
        incoming.add(connection);
    }

    @Override
    public void handleReader(TransportConnectionReader reader) {
        throw new UnsupportedOperationException("Duplex plugins only");
    }

    @Override
    public void handleWriter(TransportConnectionWriter writer) {
        throw new UnsupportedOperationException("Duplex plugins only");
    }
}
