package org.thicket.bramble.plugin.lan;

import static org.thicket.bramble.plugin.api.BackoffFactory.STANDARD_BASE;
import static org.thicket.bramble.plugin.api.BackoffFactory.STANDARD_MAX_INTERVAL_MS;
import static org.thicket.bramble.plugin.api.BackoffFactory.STANDARD_MIN_INTERVAL_MS;

import java.security.SecureRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import jakarta.inject.Inject;
import org.thicket.bramble.plugin.api.BackoffFactory;
import org.thicket.bramble.plugin.api.DuplexPlugin;
import org.thicket.bramble.plugin.api.DuplexPluginFactory;
import org.thicket.bramble.plugin.api.IoExecutor;
import org.thicket.bramble.plugin.api.PluginCallback;
import org.thicket.bramble.plugin.api.PluginScheduler;
import org.thicket.bramble.plugin.api.TransportId;

/** Makes the LAN plugin; it runs on every platform, so it never declines. */
final class LanPluginFactory implements DuplexPluginFactory {

    private final Executor ioExecutor;
    private final ScheduledExecutorService scheduler;
    private final BackoffFactory backoffFactory;
    private final InterfaceLister interfaces;

    @Inject
    LanPluginFactory(@IoExecutor Executor ioExecutor, @PluginScheduler ScheduledExecutorService scheduler,
            BackoffFactory backoffFactory, InterfaceLister interfaces) {
        this.ioExecutor = ioExecutor;
        this.scheduler = scheduler;
        this.backoffFactory = backoffFactory;
        this.interfaces = interfaces;
    }

    @Override
    public TransportId getId() {
        return LanConstants.ID;
    }

    @Override
    public long getMaxLatency() {
        return LanConstants.MAX_LATENCY_MS;
    }

    @Override
    public DuplexPlugin createPlugin(PluginCallback callback) {
        return new LanPlugin(ioExecutor, scheduler, interfaces,
                backoffFactory.createBackoff(STANDARD_MIN_INTERVAL_MS, STANDARD_MAX_INTERVAL_MS, STANDARD_BASE),
                callback, new SecureRandom());
    }
}
