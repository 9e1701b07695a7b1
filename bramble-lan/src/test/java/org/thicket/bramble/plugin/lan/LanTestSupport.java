package org.thicket.bramble.plugin.lan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.thicket.bramble.plugin.api.Backoff;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.PluginException;
import org.thicket.bramble.settings.api.Settings;
import org.thicket.bramble.test.ManualScheduler;
import org.thicket.bramble.test.MemoryPluginCallback;
import org.thicket.bramble.test.SettableClock;

/**
 * Makes LAN plugins on real sockets with chosen interfaces, a manual scheduler for the interface checks, and a real
 * I/O executor for the accept loops; {@link #close} stops them all.
 */
final class LanTestSupport implements AutoCloseable {

    /** The longest a test waits for something another thread does: 200 checks, 50 ms apart. */
    private static final int WAIT_CHECKS = 200;
    private static final long WAIT_STEP_MS = 50;

    final SettableClock clock = new SettableClock();
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final ExecutorService ioExecutor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "lan-test-io");
        thread.setDaemon(true);
        return thread;
    });
    private final List<LanPlugin> plugins = new ArrayList<>();
    private final List<DuplexTransportConnection> connections = new ArrayList<>();

    /** A fresh app whose settings let the plugin use loopback addresses. */
    static MemoryPluginCallback loopbackCallback() {
        return new MemoryPluginCallback(Settings.EMPTY.withBoolean(LanConstants.PREF_ALLOW_LOOPBACK, true));
    }

    LanPlugin start(MemoryPluginCallback callback, InterfaceLister interfaces) throws PluginException {
        return start(callback, interfaces, new CountingBackoff());
    }

    LanPlugin start(MemoryPluginCallback callback, InterfaceLister interfaces, Backoff backoff) throws PluginException {
        LanPlugin plugin = new LanPlugin(ioExecutor, scheduler, interfaces, backoff, callback, new Random());
        plugins.add(plugin);
        plugin.start();
        return plugin;
    }

    /** Remembers a connection so {@link #close} closes it if the test does not. */
    DuplexTransportConnection keep(DuplexTransportConnection connection) {
        if (connection != null) connections.add(connection);
        return connection;
    }

    /** Waits, bounded, until the condition holds, and fails if it never does. */
    static void await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < WAIT_CHECKS && !condition.getAsBoolean(); i++) Thread.sleep(WAIT_STEP_MS);
        assertThat(condition.getAsBoolean()).as("condition reached in time").isTrue();
    }

    /** Sends {@code message} one way over a pair of connections and checks it arrives intact. */
    static void assertCarries(DuplexTransportConnection from, DuplexTransportConnection to, byte[] message)
            throws IOException {
        from.getWriter().getOutputStream().write(message);
        from.getWriter().getOutputStream().flush();
        assertThat(to.getReader().getInputStream().readNBytes(message.length)).isEqualTo(message);
    }

    @Override
    public void close() throws IOException {
        for (DuplexTransportConnection c : connections) c.close(false);
        plugins.forEach(LanPlugin::stop);
        ioExecutor.shutdownNow();
    }

    /** A backoff that only counts what the plugin tells it. */
    static final class CountingBackoff implements Backoff {
        final AtomicInteger increments = new AtomicInteger();
        final AtomicInteger resets = new AtomicInteger();

        @Override
        public long getPollingInterval() {
            return 60_000;
        }

        @Override
        public void increment() {
            increments.incrementAndGet();
        }

        @Override
        public void reset() {
            resets.incrementAndGet();
        }
    }
}
