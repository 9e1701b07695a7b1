package org.thicket.bramble.plugin.tor;

import jakarta.inject.Inject;
import java.util.concurrent.Executor;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.plugin.api.BackoffFactory;
import org.thicket.bramble.plugin.api.DuplexPlugin;
import org.thicket.bramble.plugin.api.DuplexPluginFactory;
import org.thicket.bramble.plugin.api.IoExecutor;
import org.thicket.bramble.plugin.api.PluginCallback;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.tor.api.TorConfig;

/** Makes the Tor plugin; polls back off from one to ten minutes like Briar's. */
final class TorPluginFactory implements DuplexPluginFactory {

    private final TorConfig config;
    private final EventBus eventBus;
    private final Executor ioExecutor;
    private final BackoffFactory backoffFactory;

    @Inject
    TorPluginFactory(TorConfig config, EventBus eventBus, @IoExecutor Executor ioExecutor,
            BackoffFactory backoffFactory) {
        this.config = config;
        this.eventBus = eventBus;
        this.ioExecutor = ioExecutor;
        this.backoffFactory = backoffFactory;
    }

    @Override
    public TransportId getId() {
        return TorPlugin.ID;
    }

    @Override
    public long getMaxLatency() {
        return TorPlugin.MAX_LATENCY_MS;
    }

    @Override
    public DuplexPlugin createPlugin(PluginCallback callback) {
        return new TorPlugin(config, callback, eventBus, ioExecutor,
                backoffFactory.createBackoff(BackoffFactory.STANDARD_MIN_INTERVAL_MS,
                        BackoffFactory.STANDARD_MAX_INTERVAL_MS, BackoffFactory.STANDARD_BASE));
    }
}
