package org.thicket.bramble.properties;

import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import org.thicket.bramble.plugin.api.PluginCallback;
import org.thicket.bramble.plugin.api.SimplexPlugin;
import org.thicket.bramble.plugin.api.SimplexPluginFactory;
import org.thicket.bramble.plugin.api.TransportConnectionReader;
import org.thicket.bramble.plugin.api.TransportConnectionWriter;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.api.TransportProperties;
import org.thicket.bramble.test.PassivePlugin;

/**
 * A transport that does nothing but exist, so the plugin manager gives it a callback: the tests publish properties
 * through that callback as a real plugin would.
 */
final class CallbackPlugin extends PassivePlugin implements SimplexPlugin, SimplexPluginFactory {

    private static final long LATENCY_MS = 30_000;

    private volatile PluginCallback callback;

    CallbackPlugin(TransportId id) {
        super(id, LATENCY_MS, LATENCY_MS, State.INACTIVE);
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
