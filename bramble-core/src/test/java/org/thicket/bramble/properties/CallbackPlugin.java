package org.thicket.bramble.properties;

import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import java.util.Collection;
import org.thicket.bramble.plugin.api.PluginCallback;
import org.thicket.bramble.plugin.api.PollTarget;
import org.thicket.bramble.plugin.api.SimplexPlugin;
import org.thicket.bramble.plugin.api.SimplexPluginFactory;
import org.thicket.bramble.plugin.api.TransportConnectionReader;
import org.thicket.bramble.plugin.api.TransportConnectionWriter;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.api.TransportProperties;

/**
 * A transport that does nothing but exist, so the plugin manager gives it a callback: the tests publish properties
 * through that callback as a real plugin would.
 */
final class CallbackPlugin implements SimplexPlugin, SimplexPluginFactory {

    private static final long LATENCY_MS = 30_000;

    private final TransportId id;
    private volatile PluginCallback callback;

    CallbackPlugin(TransportId id) {
        this.id = id;
    }

    Module module() {
        return binder -> Multibinder.newSetBinder(binder, SimplexPluginFactory.class).addBinding().toInstance(this);
    }

    PluginCallback callback() {
        return callback;
    }

    @Override
    public SimplexPlugin createPlugin(PluginCallback callback) {
        this.callback = callback;
        return this;
    }

    @Override
    public TransportId getId() {
        return id;
    }

    @Override
    public long getMaxLatency() {
        return LATENCY_MS;
    }

    @Override
    public long getMaxIdleTime() {
        return LATENCY_MS;
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
    }

    @Override
    public State getState() {
        return State.INACTIVE;
    }

    @Override
    public int getReasonsDisabled() {
        return 0;
    }

    @Override
    public boolean shouldPoll() {
        return false;
    }

    @Override
    public long getPollingInterval() {
        return LATENCY_MS;
    }

    @Override
    public void poll(Collection<PollTarget> targets) {
    }

    @Override
    public boolean isLossyAndCheap() {
        return false;
    }

    @Override
    public TransportConnectionReader createReader(TransportProperties remoteProperties) {
        return null;
    }

    @Override
    public TransportConnectionWriter createWriter(TransportProperties remoteProperties) {
        return null;
    }
}
