package org.thicket.bramble.plugin.tor;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import org.thicket.bramble.plugin.api.Backoff;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.Plugin;
import org.thicket.bramble.plugin.api.PluginException;
import org.thicket.bramble.plugin.api.TransportProperties;
import org.thicket.bramble.plugin.tor.api.OnionPublishedEvent;
import org.thicket.bramble.plugin.tor.api.TorConfig;
import org.thicket.bramble.settings.api.Settings;
import org.thicket.bramble.test.CapturingEventBus;
import org.thicket.bramble.test.MemoryPluginCallback;

/**
 * One device's Tor plugin for tests and benchmarks: its own tor directory, settings kept in memory across restarts,
 * and bounded waits for the plugin to become active and for a connection to an onion to succeed.
 */
public final class TorTestNode {

    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    private final TorConfig config;
    private final Executor ioExecutor;
    private final CapturingEventBus eventBus = new CapturingEventBus();
    private final MemoryPluginCallback callback = new MemoryPluginCallback(Settings.EMPTY, eventBus, TorPlugin.ID);
    private TorPlugin plugin;

    public TorTestNode(Path directory, Path torBinary, List<String> extraTorrcLines, Executor ioExecutor) {
        this.config = TorConfig.defaults(directory).withTorBinary(torBinary).withExtraTorrcLines(extraTorrcLines);
        this.ioExecutor = ioExecutor;
    }

    /** Starts a new plugin on the same directory and settings as any before it. */
    public void start() throws PluginException {
        plugin = new TorPlugin(config, callback, eventBus, ioExecutor, new FixedBackoff());
        plugin.start();
    }

    public void stop() {
        if (plugin != null) plugin.stop();
        plugin = null;
    }

    TorPlugin plugin() {
        return plugin;
    }

    MemoryPluginCallback callback() {
        return callback;
    }

    CapturingEventBus eventBus() {
        return eventBus;
    }

    public void setNetworkEnabled(boolean enabled) {
        callback.mergeSettings(Settings.EMPTY.withBoolean(Plugin.PREF_ENABLE, enabled));
    }

    public TransportProperties localProperties() {
        return callback.getLocalProperties();
    }

    /** How many times tor has published one of this node's onion descriptors so far. */
    public int onionsPublished() {
        return eventBus.events(OnionPublishedEvent.class).size();
    }

    /** Waits until more than {@code count} descriptors were published; false if not within the timeout. */
    public boolean awaitOnionsPublished(int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (onionsPublished() > count) return true;
            Thread.sleep(100);
        }
        return false;
    }

    /** Waits until the plugin reports this state; false if it did not within the timeout. */
    public boolean awaitState(Plugin.State state, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (plugin.getState() == state && callback.lastState() == state) return true;
            Thread.sleep(100);
        }
        return false;
    }

    /**
     * Connects to the onion in the properties, retrying while the descriptor is not yet on the HSDirs; null if no
     * attempt succeeded within the timeout.
     */
    public DuplexTransportConnection connect(TransportProperties remote, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            DuplexTransportConnection connection = plugin.createConnection(remote);
            if (connection != null) return connection;
            Thread.sleep(RETRY_PAUSE.toMillis());
        }
        return null;
    }

    public DuplexTransportConnection awaitIncoming(Duration timeout) throws InterruptedException {
        return callback.awaitIncoming(timeout);
    }

    private static final class FixedBackoff implements Backoff {

        @Override
        public long getPollingInterval() {
            return 60_000;
        }

        @Override
        public void increment() {
        }

        @Override
        public void reset() {
        }
    }
}
