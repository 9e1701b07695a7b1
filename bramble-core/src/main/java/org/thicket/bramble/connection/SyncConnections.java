package org.thicket.bramble.connection;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.security.SecureRandom;
import java.util.concurrent.Executor;
import org.thicket.bramble.connection.api.ConnectionRegistry;
import org.thicket.bramble.plugin.api.IoExecutor;
import org.thicket.bramble.plugin.api.Plugin;
import org.thicket.bramble.plugin.api.PluginManager;
import org.thicket.bramble.plugin.api.SimplexPlugin;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.stream.api.StreamReaderFactory;
import org.thicket.bramble.stream.api.StreamWriterFactory;
import org.thicket.bramble.sync.api.Priority;
import org.thicket.bramble.sync.api.SyncConstants;
import org.thicket.bramble.sync.api.SyncSessionFactory;
import org.thicket.bramble.transport.api.KeyManager;

/** What every managed connection needs, in one place: keys, BTP streams, BSP sessions, the registry, threads. */
final class SyncConnections {

    final KeyManager keyManager;
    final StreamReaderFactory streamReaderFactory;
    final StreamWriterFactory streamWriterFactory;
    final SyncSessionFactory sessionFactory;
    final ConnectionRegistry registry;
    final Executor ioExecutor;
    private final SecureRandom random;
    // A provider: the plugin manager hands its connections to the connection manager, which would make a cycle.
    private final Provider<PluginManager> pluginManager;

    @Inject
    SyncConnections(KeyManager keyManager, StreamReaderFactory streamReaderFactory,
            StreamWriterFactory streamWriterFactory, SyncSessionFactory sessionFactory, ConnectionRegistry registry,
            @IoExecutor Executor ioExecutor, SecureRandom random, Provider<PluginManager> pluginManager) {
        this.keyManager = keyManager;
        this.streamReaderFactory = streamReaderFactory;
        this.streamWriterFactory = streamWriterFactory;
        this.sessionFactory = sessionFactory;
        this.registry = registry;
        this.ioExecutor = ioExecutor;
        this.random = random;
        this.pluginManager = pluginManager;
    }

    /** A fresh nonce for a connection we open (specs/connections.md). */
    Priority newPriority() {
        byte[] nonce = new byte[SyncConstants.PRIORITY_NONCE_BYTES];
        random.nextBytes(nonce);
        return new Priority(nonce);
    }

    /** Whether the transport is one where every unacked message goes out each time (a removable drive). */
    boolean isEager(TransportId transportId) {
        Plugin plugin = pluginManager.get().getPlugin(transportId);
        return plugin instanceof SimplexPlugin simplex && simplex.isLossyAndCheap();
    }
}
