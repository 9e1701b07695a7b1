package org.thicket.bramble.plugin.tor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.event.api.EventListener;
import org.thicket.bramble.plugin.api.Backoff;
import org.thicket.bramble.plugin.api.ConnectionHandler;
import org.thicket.bramble.plugin.api.DuplexPlugin;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.KeyMaterialSource;
import org.thicket.bramble.plugin.api.PluginCallback;
import org.thicket.bramble.plugin.api.PluginException;
import org.thicket.bramble.plugin.api.PollTarget;
import org.thicket.bramble.plugin.api.RendezvousEndpoint;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.api.TransportIds;
import org.thicket.bramble.plugin.api.TransportProperties;
import org.thicket.bramble.plugin.tcp.SocketConnection;
import org.thicket.bramble.plugin.tor.api.OnionPublishedEvent;
import org.thicket.bramble.plugin.tor.api.TorConfig;
import org.thicket.bramble.plugin.tor.api.TorStatus;
import org.thicket.bramble.plugin.tor.api.TorStatusEvent;
import org.thicket.bramble.plugin.tor.api.TorStatusSource;
import org.thicket.bramble.settings.api.Settings;
import org.thicket.bramble.settings.api.SettingsUpdatedEvent;

/**
 * The Tor transport: launches our tor with the network off, publishes our onion service (its key kept in the plugin's
 * settings, so the address survives restarts) as the "onion3" property, switches the network on when the user's
 * setting allows, and connects to contacts' onions through tor's SOCKS port. State follows tor's bootstrap and
 * circuit status.
 */
final class TorPlugin implements DuplexPlugin, EventListener, TorStatusSource {

    private static final Logger LOG = LoggerFactory.getLogger(TorPlugin.class);

    static final TransportId ID = TransportIds.TOR;
    static final long MAX_LATENCY_MS = 30_000;
    static final long MAX_IDLE_TIME_MS = 30_000;
    static final int PROXY_CONNECT_TIMEOUT_MS = 5_000;
    static final int CIRCUIT_CONNECT_TIMEOUT_MS = 120_000;

    /** The transport property holding our onion address (56 characters, no ".onion"). */
    static final String PROP_ONION_V3 = "onion3";
    /** The setting holding our onion service's private key, "ED25519-V3:" + base64. */
    static final String PREF_ONION_KEY = "onionPrivKey3";
    /** The setting holding obfs4 bridge lines, one per line, each as after "Bridge" in a torrc; applied at start. */
    static final String PREF_BRIDGES = "bridges";
    static final int MAX_BRIDGES = 32;
    static final int MAX_BRIDGE_LINE_LENGTH = 1000;

    private final TorConfig config;
    private final PluginCallback callback;
    private final EventBus eventBus;
    private final Executor ioExecutor;
    private final Backoff backoff;

    private final AtomicReference<TorStatus> status = new AtomicReference<>(TorStatus.STOPPED);
    private final Object stateLock = new Object();
    private volatile boolean running;
    private volatile boolean userEnabled;
    private volatile TorController controller;
    private volatile ServerSocket serverSocket;
    private volatile OnionAddress ourOnion;

    TorPlugin(TorConfig config, PluginCallback callback, EventBus eventBus, Executor ioExecutor,
            Backoff backoff) {
        this.config = config;
        this.callback = callback;
        this.eventBus = eventBus;
        this.ioExecutor = ioExecutor;
        this.backoff = backoff;
    }

    @Override
    public TransportId getId() {
        return ID;
    }

    @Override
    public long getMaxLatency() {
        return MAX_LATENCY_MS;
    }

    @Override
    public long getMaxIdleTime() {
        return MAX_IDLE_TIME_MS;
    }

    @Override
    public void start() throws PluginException {
        try {
            Settings settings = callback.getSettings();
            Path binary = TorBinaries.findTor(config.torBinary(), config.directory());
            TorController.Layout layout = new TorController.Layout(config.directory());
            controller = TorController.launch(binary, layout, torrc(layout, settings), new StatusListener());
            serverSocket = new ServerSocket();
            serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            ServerSocket server = serverSocket;
            ioExecutor.execute(() -> acceptLoop(server, callback));
            publishOurOnion(settings);
            running = true;
            eventBus.addListener(this);
            applySettings(callback.getSettings());
        } catch (IOException | DbException | RuntimeException e) {
            shutDown();
            throw new PluginException("Tor did not start", e);
        }
    }

    private Torrc torrc(TorController.Layout layout, Settings settings) {
        List<String> bridges = bridgeLines(settings.get(PREF_BRIDGES));
        Path transport = bridges.isEmpty() ? null : TorBinaries.findBridgeTransport(config.bridgeTransportBinary());
        if (!bridges.isEmpty() && transport == null) {
            LOG.warn("Bridges are set but there is no lyrebird or obfs4proxy; connecting without bridges");
            bridges = List.of();
        }
        return new Torrc(layout.dataDirectory(), layout.emptyFile(), layout.controlPortFile(), config.socksPort(),
                config.controlPort(), bridges, transport, config.extraTorrcLines());
    }

    /** The bridge lines of the setting, or none if it is absent or malformed (it is checked, never trusted). */
    static List<String> bridgeLines(String setting) {
        if (setting == null) return List.of();
        List<String> lines = new ArrayList<>();
        for (String line : setting.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty()) continue;
            if (lines.size() == MAX_BRIDGES || trimmed.length() > MAX_BRIDGE_LINE_LENGTH
                    || !trimmed.startsWith("obfs4 ") || trimmed.indexOf('\r') >= 0) {
                LOG.warn("Ignoring a malformed bridges setting");
                return List.of();
            }
            lines.add(trimmed);
        }
        return lines;
    }

    private void publishOurOnion(Settings settings) throws IOException, DbException {
        String savedKey = settings.get(PREF_ONION_KEY);
        String key = TorController.NEW_KEY;
        if (savedKey != null && OnionKeys.isControlPortKey(savedKey)) key = savedKey;
        else if (savedKey != null) LOG.warn("The saved onion key is malformed; publishing a new onion address");
        TorController.PublishedOnion onion = controller.addOnion(key, serverSocket.getLocalPort());
        if (onion.newPrivateKey() != null) {
            callback.mergeSettings(Settings.EMPTY.with(PREF_ONION_KEY, onion.newPrivateKey()));
        }
        callback.mergeLocalProperties(TransportProperties.EMPTY.with(PROP_ONION_V3, onion.address().value()));
        ourOnion = onion.address();
        LOG.info("Our onion service is published");
    }

    private void acceptLoop(ServerSocket server, ConnectionHandler handler) {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!server.isClosed()) LOG.warn("Accepting an onion connection failed", e);
                return;
            }
            DuplexTransportConnection connection = connection(socket);
            if (connection == null) continue;
            backoff.reset();
            handler.handleConnection(connection);
        }
    }

    @Override
    public void eventOccurred(Event event) {
        if (event instanceof SettingsUpdatedEvent e && e.namespace().equals(ID.value())) {
            ioExecutor.execute(() -> {
                try {
                    applySettings(callback.getSettings());
                } catch (DbException ex) {
                    LOG.warn("Reading the Tor settings failed", ex);
                }
            });
        }
    }

    /** Switches tor's network on or off to match the user's setting, then reads tor's status afresh. */
    private void applySettings(Settings settings) {
        TorController tor = controller;
        if (!running || tor == null) return;
        boolean enable = settings.getBoolean(PREF_ENABLE, true);
        userEnabled = enable;
        try {
            tor.enableNetwork(enable);
        } catch (IOException e) {
            LOG.warn("Switching tor's network failed", e);
        }
        updateStatus(s -> s.withNetworkEnabled(enable));
        refreshStatus();
    }

    private void refreshStatus() {
        TorController tor = controller;
        if (tor == null) return;
        try {
            int percent = tor.bootstrapPercent();
            boolean circuit = tor.circuitEstablished();
            updateStatus(s -> s.withBootstrapPercent(percent).withCircuitEstablished(circuit));
        } catch (IOException e) {
            LOG.debug("Reading tor's status failed", e);
        }
    }

    private void updateStatus(UnaryOperator<TorStatus> change) {
        synchronized (stateLock) {
            TorStatus before = status.get();
            TorStatus after = change.apply(before);
            status.set(after);
            if (!after.equals(before)) eventBus.broadcast(new TorStatusEvent(after));
            callback.pluginStateChanged(getState());
        }
    }

    /** The latest status of our tor. */
    @Override
    public TorStatus getStatus() {
        return status.get();
    }

    @Override
    public String getOnionAddress() {
        OnionAddress onion = ourOnion;
        return onion == null ? null : onion.value();
    }

    @Override
    public State getState() {
        if (!running) return State.STARTING_STOPPING;
        if (!userEnabled) return State.DISABLED;
        TorStatus s = status.get();
        if (s.isConnected()) return State.ACTIVE;
        if (s.bootstrapPercent() == 100) return State.INACTIVE;
        return State.ENABLING;
    }

    @Override
    public int getReasonsDisabled() {
        return running && !userEnabled ? REASON_USER : 0;
    }

    @Override
    public void stop() {
        shutDown();
        synchronized (stateLock) {
            status.set(TorStatus.STOPPED);
            eventBus.broadcast(new TorStatusEvent(TorStatus.STOPPED));
            callback.pluginStateChanged(State.STARTING_STOPPING);
        }
    }

    private void shutDown() {
        running = false;
        ourOnion = null;
        eventBus.removeListener(this);
        ServerSocket server = serverSocket;
        if (server != null) closeQuietly(server);
        TorController tor = controller;
        controller = null;
        if (tor != null) tor.close();
    }

    @Override
    public boolean shouldPoll() {
        return true;
    }

    @Override
    public long getPollingInterval() {
        return backoff.getPollingInterval();
    }

    @Override
    public void poll(Collection<PollTarget> targets) {
        if (getState() != State.ACTIVE) return;
        backoff.increment();
        for (PollTarget target : targets) {
            ioExecutor.execute(() -> {
                DuplexTransportConnection connection = createConnection(target.remoteProperties());
                if (connection == null) return;
                backoff.reset();
                target.handler().handleConnection(connection);
            });
        }
    }

    @Override
    public DuplexTransportConnection createConnection(TransportProperties remoteProperties) {
        TorController tor = controller;
        if (tor == null || getState() != State.ACTIVE) return null;
        OnionAddress onion = OnionAddress.parseOrNull(remoteProperties.get(PROP_ONION_V3));
        if (onion == null) return null;
        try {
            Socket socket = Socks5.connect(tor.socksPort(), onion.hostname(), TorController.ONION_PORT,
                    PROXY_CONNECT_TIMEOUT_MS, CIRCUIT_CONNECT_TIMEOUT_MS);
            return connection(socket);
        } catch (IOException e) {
            LOG.info("Could not connect to an onion: {}", e.getMessage());
            if (mayBeStaleDescriptor(e)) ioExecutor.execute(() -> refetchDescriptor(tor, onion));
            return null;
        }
    }

    /**
     * Whether tor may hold a descriptor that is out of date. "Host unreachable" means tor found no descriptor at all
     * (the contact is offline), and tor fetched afresh for that already; a timeout or another failure may come from a
     * cached descriptor whose introduction points died with the contact's previous tor.
     */
    static boolean mayBeStaleDescriptor(IOException e) {
        return !(e instanceof Socks5.SocksException socks && socks.reply() == Socks5.HOST_UNREACHABLE);
    }

    private static void refetchDescriptor(TorController tor, OnionAddress onion) {
        try {
            tor.refetchDescriptor(onion);
        } catch (IOException e) {
            LOG.debug("Refetching an onion descriptor failed", e);
        }
    }

    /** The connected socket as a connection, or null (the socket closed) if it cannot be set up. */
    private static DuplexTransportConnection connection(Socket socket) {
        try {
            socket.setSoTimeout((int) (2 * MAX_IDLE_TIME_MS));
            return new SocketConnection(socket, MAX_LATENCY_MS, MAX_IDLE_TIME_MS);
        } catch (IOException e) {
            LOG.warn("Could not set up an onion socket", e);
            closeQuietly(socket);
            return null;
        }
    }

    @Override
    public boolean supportsRendezvous() {
        return true;
    }

    @Override
    public RendezvousEndpoint createRendezvousEndpoint(KeyMaterialSource keyMaterial, boolean alice,
            ConnectionHandler incoming) {
        TorController tor = controller;
        if (tor == null || !running) return null;
        try {
            return TorRendezvousEndpoint.open(tor, keyMaterial, alice, incoming,
                    (server, handler) -> ioExecutor.execute(() -> acceptLoop(server, handler)));
        } catch (IOException e) {
            LOG.warn("Could not publish a rendezvous onion", e);
            return null;
        }
    }

    private static void closeQuietly(java.io.Closeable socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("Closing a socket failed", e);
        }
    }

    /** Tor's own reports, moved off jtorctl's thread before anything asks tor for more. */
    private final class StatusListener implements TorController.Listener {

        @Override
        public void bootstrapProgress(int percent) {
            updateStatus(s -> s.withBootstrapPercent(percent));
            if (percent == 100) ioExecutor.execute(TorPlugin.this::refreshStatus);
        }

        @Override
        public void circuitEstablished(boolean established) {
            updateStatus(s -> s.withCircuitEstablished(established));
        }

        @Override
        public void descriptorUploaded(String onionAddress) {
            LOG.debug("Onion descriptor uploaded");
            eventBus.broadcast(new OnionPublishedEvent(onionAddress));
        }

        @Override
        public void controlConnectionClosed() {
            if (running) LOG.warn("tor's control connection closed while the plugin runs");
        }
    }
}
