package org.thicket.bramble.plugin;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.thicket.bramble.plugin.api.Backoff;
import org.thicket.bramble.plugin.api.BackoffFactory;
import org.thicket.bramble.plugin.api.ConnectionHandler;
import org.thicket.bramble.plugin.api.DuplexPlugin;
import org.thicket.bramble.plugin.api.DuplexPluginFactory;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.Plugin;
import org.thicket.bramble.plugin.api.PluginCallback;
import org.thicket.bramble.plugin.api.PluginException;
import org.thicket.bramble.plugin.api.PollTarget;
import org.thicket.bramble.plugin.api.SimplexPlugin;
import org.thicket.bramble.plugin.api.SimplexPluginFactory;
import org.thicket.bramble.plugin.api.TransportConnectionReader;
import org.thicket.bramble.plugin.api.TransportConnectionWriter;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.api.TransportProperties;

/**
 * Plugins, factories and connections for tests. The plugins behave like real ones where the code under test can
 * tell: they poll on the standard backoff, grow it with each poll and reset it when a connection is made; everything
 * else they are asked to do is recorded, and what they do in start is up to the test.
 */
final class TestPlugins {

    static final long MAX_LATENCY_MS = 30_000;

    private TestPlugins() {
    }

    @FunctionalInterface
    interface StartAction {
        void run() throws PluginException;
    }

    abstract static class TestPlugin implements Plugin {
        final TransportId id;
        final PluginCallback callback;
        final Backoff backoff = new BackoffFactoryImpl().createBackoff(BackoffFactory.STANDARD_MIN_INTERVAL_MS,
                BackoffFactory.STANDARD_MAX_INTERVAL_MS, BackoffFactory.STANDARD_BASE);
        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<List<PollTarget>> polls = new CopyOnWriteArrayList<>();
        final List<TransportProperties> connectAttempts = new CopyOnWriteArrayList<>();
        volatile State state = State.STARTING_STOPPING;
        volatile boolean shouldPoll = true;
        volatile boolean reachable = true;
        volatile StartAction onStart = () -> { };

        TestPlugin(TransportId id, PluginCallback callback) {
            this.id = id;
            this.callback = callback;
        }

        /** Changes state and reports it, as a real plugin does. */
        void report(State newState) {
            state = newState;
            callback.pluginStateChanged(newState);
        }

        @Override
        public TransportId getId() {
            return id;
        }

        @Override
        public long getMaxLatency() {
            return MAX_LATENCY_MS;
        }

        @Override
        public long getMaxIdleTime() {
            return MAX_LATENCY_MS;
        }

        @Override
        public void start() throws PluginException {
            calls.add("start");
            onStart.run();
        }

        @Override
        public void stop() {
            calls.add("stop");
        }

        @Override
        public State getState() {
            return state;
        }

        @Override
        public int getReasonsDisabled() {
            return state == State.DISABLED ? REASON_USER : 0;
        }

        @Override
        public boolean shouldPoll() {
            return shouldPoll;
        }

        @Override
        public long getPollingInterval() {
            return backoff.getPollingInterval();
        }

        @Override
        public void poll(Collection<PollTarget> targets) {
            polls.add(List.copyOf(targets));
            backoff.increment();
            for (PollTarget target : targets) connect(target.remoteProperties(), target.handler());
        }

        /** Records the attempt; if the contact is reachable, resets the backoff and hands over a connection. */
        final void connect(TransportProperties remote, ConnectionHandler handler) {
            if (attempt(remote)) handOver(handler);
        }

        final boolean attempt(TransportProperties remote) {
            connectAttempts.add(remote);
            if (reachable) backoff.reset();
            return reachable;
        }

        abstract void handOver(ConnectionHandler handler);
    }

    static final class TestDuplexPlugin extends TestPlugin implements DuplexPlugin {

        TestDuplexPlugin(TransportId id, PluginCallback callback) {
            super(id, callback);
        }

        @Override
        void handOver(ConnectionHandler handler) {
            handler.handleConnection(new TestConnection());
        }

        @Override
        public DuplexTransportConnection createConnection(TransportProperties remoteProperties) {
            return attempt(remoteProperties) ? new TestConnection() : null;
        }
    }

    static final class TestSimplexPlugin extends TestPlugin implements SimplexPlugin {

        TestSimplexPlugin(TransportId id, PluginCallback callback) {
            super(id, callback);
        }

        @Override
        void handOver(ConnectionHandler handler) {
            handler.handleWriter(new TestWriter());
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
            return attempt(remoteProperties) ? new TestWriter() : null;
        }
    }

    static final class DuplexFactory implements DuplexPluginFactory {
        private final TransportId id;
        private final Function<PluginCallback, DuplexPlugin> create;

        DuplexFactory(TransportId id, Function<PluginCallback, DuplexPlugin> create) {
            this.id = id;
            this.create = create;
        }

        @Override
        public TransportId getId() {
            return id;
        }

        @Override
        public long getMaxLatency() {
            return MAX_LATENCY_MS;
        }

        @Override
        public DuplexPlugin createPlugin(PluginCallback callback) {
            return create.apply(callback);
        }
    }

    static final class SimplexFactory implements SimplexPluginFactory {
        private final TransportId id;
        private final Function<PluginCallback, SimplexPlugin> create;

        SimplexFactory(TransportId id, Function<PluginCallback, SimplexPlugin> create) {
            this.id = id;
            this.create = create;
        }

        @Override
        public TransportId getId() {
            return id;
        }

        @Override
        public long getMaxLatency() {
            return MAX_LATENCY_MS;
        }

        @Override
        public SimplexPlugin createPlugin(PluginCallback callback) {
            return create.apply(callback);
        }
    }

    /** A connection with no data; it records how it was closed. */
    static final class TestConnection implements DuplexTransportConnection {
        volatile Boolean closedWithException;

        @Override
        public TransportConnectionReader getReader() {
            return new TestReader();
        }

        @Override
        public TransportConnectionWriter getWriter() {
            return new TestWriter();
        }

        @Override
        public void close(boolean exception) {
            closedWithException = exception;
        }
    }

    static final class TestReader implements TransportConnectionReader {
        volatile boolean disposed;

        @Override
        public InputStream getInputStream() {
            return InputStream.nullInputStream();
        }

        @Override
        public void dispose(boolean exception, boolean recognised) {
            disposed = true;
        }
    }

    static final class TestWriter implements TransportConnectionWriter {
        volatile boolean disposed;

        @Override
        public long getMaxLatency() {
            return MAX_LATENCY_MS;
        }

        @Override
        public long getMaxIdleTime() {
            return MAX_LATENCY_MS;
        }

        @Override
        public OutputStream getOutputStream() {
            return OutputStream.nullOutputStream();
        }

        @Override
        public void dispose(boolean exception) {
            disposed = true;
        }
    }
}
