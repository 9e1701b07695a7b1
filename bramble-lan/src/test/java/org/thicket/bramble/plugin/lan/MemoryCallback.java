package org.thicket.bramble.plugin.lan;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.Plugin;
import org.thicket.bramble.plugin.api.PluginCallback;
import org.thicket.bramble.plugin.api.TransportConnectionReader;
import org.thicket.bramble.plugin.api.TransportConnectionWriter;
import org.thicket.bramble.plugin.api.TransportProperties;
import org.thicket.bramble.settings.api.Settings;

/** A plugin's view of an app that keeps everything in memory and queues incoming connections for the test. */
final class MemoryCallback implements PluginCallback {

    final BlockingQueue<DuplexTransportConnection> incoming = new LinkedBlockingQueue<>();
    final List<Plugin.State> states = new CopyOnWriteArrayList<>();
    private volatile Settings settings;
    private volatile TransportProperties localProperties = TransportProperties.EMPTY;

    MemoryCallback(Settings settings) {
        this.settings = settings;
    }

    /** A fresh app whose settings let the plugin use loopback addresses. */
    static MemoryCallback loopback() {
        return new MemoryCallback(Settings.EMPTY.withBoolean(LanConstants.PREF_ALLOW_LOOPBACK, true));
    }

    @Override
    public Settings getSettings() {
        return settings;
    }

    @Override
    public synchronized void mergeSettings(Settings update) {
        settings = settings.merge(update);
    }

    @Override
    public TransportProperties getLocalProperties() {
        return localProperties;
    }

    @Override
    public synchronized void mergeLocalProperties(TransportProperties update) {
        localProperties = localProperties.merge(update);
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
        throw new UnsupportedOperationException();
    }

    @Override
    public void handleWriter(TransportConnectionWriter writer) {
        throw new UnsupportedOperationException();
    }
}
