package org.thicket.bramble.plugin.lan;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.thicket.bramble.plugin.lan.LanAddresses.addRecent;
import static org.thicket.bramble.plugin.lan.LanAddresses.byAddress;
import static org.thicket.bramble.plugin.lan.LanAddresses.ipPort;
import static org.thicket.bramble.plugin.lan.LanAddresses.ipv6Hex;
import static org.thicket.bramble.plugin.lan.LanAddresses.isUsable;
import static org.thicket.bramble.plugin.lan.LanAddresses.parseIpPorts;
import static org.thicket.bramble.plugin.lan.LanAddresses.parseIpv6;
import static org.thicket.bramble.plugin.lan.LanAddresses.parsePort;
import static org.thicket.bramble.plugin.lan.LanConstants.CONNECT_TIMEOUT_MS;
import static org.thicket.bramble.plugin.lan.LanConstants.INTERFACE_CHECK_INTERVAL_MS;
import static org.thicket.bramble.plugin.lan.LanConstants.KEY_AGREEMENT_TRANSPORT;
import static org.thicket.bramble.plugin.lan.LanConstants.MAX_IDLE_TIME_MS;
import static org.thicket.bramble.plugin.lan.LanConstants.MAX_LATENCY_MS;
import static org.thicket.bramble.plugin.lan.LanConstants.MAX_CHOSEN_PORT;
import static org.thicket.bramble.plugin.lan.LanConstants.MIN_CHOSEN_PORT;
import static org.thicket.bramble.plugin.lan.LanConstants.PREF_ALLOW_LOOPBACK;
import static org.thicket.bramble.plugin.lan.LanConstants.PREF_IPV6;
import static org.thicket.bramble.plugin.lan.LanConstants.PREF_IP_PORTS;
import static org.thicket.bramble.plugin.lan.LanConstants.PREF_PORT;
import static org.thicket.bramble.plugin.lan.LanConstants.PROP_IPV6;
import static org.thicket.bramble.plugin.lan.LanConstants.PROP_IP_PORTS;
import static org.thicket.bramble.plugin.lan.LanConstants.PROP_PORT;
import static org.thicket.bramble.plugin.lan.LanConstants.SOCKET_TIMEOUT_MS;

import java.io.Closeable;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.plugin.api.Backoff;
import org.thicket.bramble.plugin.api.ConnectionHandler;
import org.thicket.bramble.plugin.api.DuplexPlugin;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.KeyAgreementListener;
import org.thicket.bramble.plugin.api.PluginCallback;
import org.thicket.bramble.plugin.api.PluginException;
import org.thicket.bramble.plugin.api.PollTarget;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.api.TransportProperties;
import org.thicket.bramble.plugin.tcp.SocketConnection;
import org.thicket.bramble.settings.api.Settings;

/**
 * TCP over the local network. It listens on one IPv4 and one IPv6 server socket, each bound to the best usable
 * address (longest network prefix first), publishes where it listens, and connects to a contact's addresses that
 * are in the network of the matching server socket. Every {@link LanConstants#INTERFACE_CHECK_INTERVAL_MS} it
 * lists the interfaces again and re-binds if the usable addresses changed or a server socket failed.
 * <p>
 * Logs name no addresses above debug level: they say where a user is.
 */
final class LanPlugin implements DuplexPlugin {

    private static final Logger LOG = LoggerFactory.getLogger(LanPlugin.class);

    /** Where Android phones put themselves when they share their connection (hotspot, wifi-direct legacy). */
    private static final List<InetAddress> HOTSPOT_ADDRESSES = List.of(
            byAddress(new byte[] {(byte) 192, (byte) 168, 43, 1}),
            byAddress(new byte[] {(byte) 192, (byte) 168, 49, 1}));

    /** Loopback last; then longer prefixes first, the more specific networks. */
    private static final Comparator<LocalAddress> PREFERENCE =
            Comparator.comparing((LocalAddress a) -> a.address().isLoopbackAddress())
                    .thenComparing(LocalAddress::prefixLength, Comparator.reverseOrder());

    /** How long closing a server socket waits for its accept loop to end. */
    private static final long ACCEPT_LOOP_END_WAIT_MS = 2_000;

    /**
     * A server socket, the interface address it is bound to, and a latch its accept loop opens when it ends. Java's
     * close does not wait for a thread blocked in accept, and until that thread leaves the kernel the socket still
     * takes connections; waiting for the loop makes a closed socket refuse them.
     */
    private record Bound(ServerSocket socket, LocalAddress local, CountDownLatch acceptLoopEnded) {
        Bound(ServerSocket socket, LocalAddress local) {
            this(socket, local, new CountDownLatch(1));
        }
    }

    /** The server sockets of one binding; either may be null. */
    private record Bindings(Bound ipv4, Bound ipv6) {
        static final Bindings NONE = new Bindings(null, null);

        List<Bound> all() {
            return Stream.of(ipv4, ipv6).filter(Objects::nonNull).toList();
        }

        Bound forFamilyOf(InetAddress address) {
            return address instanceof Inet4Address ? ipv4 : ipv6;
        }
    }

    private final Executor ioExecutor;
    private final ScheduledExecutorService scheduler;
    private final InterfaceLister interfaces;
    private final Backoff backoff;
    private final PluginCallback callback;
    private final RandomGenerator random;

    /** Serialises start, stop and re-binding, which open sockets and write settings and properties. */
    private final Object bindLock = new Object();
    private boolean stopped; // guarded by bindLock
    private List<LocalAddress> usableSeen = List.of(); // guarded by bindLock
    private Future<?> interfaceCheck; // guarded by bindLock

    // Written under bindLock, read without it by connecting threads.
    private volatile Bindings bindings = Bindings.NONE;
    private volatile boolean allowLoopback;
    private volatile int port;
    private volatile State state = State.STARTING_STOPPING;
    private volatile int reasonsDisabled;

    LanPlugin(Executor ioExecutor, ScheduledExecutorService scheduler, InterfaceLister interfaces, Backoff backoff,
            PluginCallback callback, RandomGenerator random) {
        this.ioExecutor = ioExecutor;
        this.scheduler = scheduler;
        this.interfaces = interfaces;
        this.backoff = backoff;
        this.callback = callback;
        this.random = random;
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
    public long getMaxIdleTime() {
        return LanConstants.MAX_IDLE_TIME_MS;
    }

    @Override
    public void start() throws PluginException {
        synchronized (bindLock) {
            try {
                Settings settings = callback.getSettings();
                allowLoopback = settings.getBoolean(PREF_ALLOW_LOOPBACK, false);
                port = choosePort(settings);
                if (!settings.getBoolean(PREF_ENABLE, true)) {
                    reasonsDisabled = REASON_USER;
                    report(State.DISABLED);
                    return;
                }
            } catch (DbException | IllegalArgumentException e) {
                throw new PluginException("Could not read the LAN settings", e);
            }
            rebind(usableAddresses());
            scheduleInterfaceCheck();
        }
    }

    /** The port of the settings, or a random one chosen now and stored there, once for the life of the account. */
    private int choosePort(Settings settings) throws DbException {
        int stored = parsePort(settings.get(PREF_PORT));
        if (stored != 0) return stored;
        int chosen = random.nextInt(MIN_CHOSEN_PORT, MAX_CHOSEN_PORT + 1);
        callback.mergeSettings(Settings.EMPTY.withInt(PREF_PORT, chosen));
        return chosen;
    }

    @Override
    public void stop() {
        synchronized (bindLock) {
            stopped = true;
            if (interfaceCheck != null) interfaceCheck.cancel(false);
            close(bindings);
            bindings = Bindings.NONE;
            report(State.STARTING_STOPPING);
        }
    }

    @Override
    public State getState() {
        return state;
    }

    @Override
    public int getReasonsDisabled() {
        return reasonsDisabled;
    }

    private void report(State newState) {
        if (newState == state) return;
        state = newState;
        callback.pluginStateChanged(newState);
    }

    // ---- Binding --------------------------------------------------------------------------------------------

    /** The addresses we may listen on now, best first; none if the interfaces cannot be listed. */
    private List<LocalAddress> usableAddresses() {
        try {
            return interfaces.listAddresses().stream()
                    .filter(a -> isUsable(a.address(), allowLoopback))
                    .sorted(PREFERENCE)
                    .toList();
        } catch (IOException e) {
            LOG.warn("Could not list the network interfaces", e);
            return List.of();
        }
    }

    /** Closes the server sockets and binds new ones on the best of {@code usable}. Holds bindLock. */
    private void rebind(List<LocalAddress> usable) {
        usableSeen = usable;
        close(bindings);
        // IPv6 contacts only know our "port", so IPv6 listens there or not at all.
        Bindings fresh = new Bindings(bindFirst(usable, Inet4Address.class, true),
                bindFirst(usable, Inet6Address.class, false));
        bindings = fresh;
        publish(fresh);
        for (Bound bound : fresh.all()) startAcceptLoop(bound);
        report(fresh.all().isEmpty() ? State.INACTIVE : State.ACTIVE);
        LOG.info("LAN listening on {} IPv4 and {} IPv6 sockets", fresh.ipv4() == null ? 0 : 1,
                fresh.ipv6() == null ? 0 : 1);
    }

    /** A server socket on the first address of the family that takes our port, else (if allowed) any port. */
    private Bound bindFirst(List<LocalAddress> usable, Class<? extends InetAddress> family, boolean anyPort) {
        List<LocalAddress> candidates = usable.stream().filter(a -> family.isInstance(a.address())).toList();
        for (int tryPort : anyPort ? new int[] {port, 0} : new int[] {port}) {
            for (LocalAddress candidate : candidates) {
                ServerSocket socket = bind(candidate.address(), tryPort);
                if (socket != null) return new Bound(socket, candidate);
            }
        }
        return null;
    }

    private static ServerSocket bind(InetAddress address, int port) {
        ServerSocket socket = null;
        try {
            socket = new ServerSocket();
            socket.bind(new InetSocketAddress(address, port));
            return socket;
        } catch (IOException e) {
            LOG.debug("Could not bind {}:{}", address.getHostAddress(), port, e);
            closeQuietly(socket);
            return null;
        }
    }

    /**
     * Puts the bound endpoints at the head of the recent lists in our settings and properties, and the port in our
     * properties. Writes only what changed, so an unchanged binding sends contacts no new properties.
     */
    private void publish(Bindings bound) {
        try {
            Settings settings = callback.getSettings();
            Map<String, String> recent = new HashMap<>();
            if (bound.ipv4() != null) {
                InetSocketAddress endpoint = (InetSocketAddress) bound.ipv4().socket().getLocalSocketAddress();
                recent.put(PREF_IP_PORTS, addRecent(settings.get(PREF_IP_PORTS), ipPort(endpoint)));
            }
            if (bound.ipv6() != null) {
                Inet6Address address = (Inet6Address) bound.ipv6().local().address();
                recent.put(PREF_IPV6, addRecent(settings.get(PREF_IPV6), ipv6Hex(address)));
            }
            Settings settingsUpdate = new Settings(changed(settings.values(), recent));
            if (!settingsUpdate.values().isEmpty()) callback.mergeSettings(settingsUpdate);

            Map<String, String> properties = new HashMap<>();
            properties.put(PROP_PORT, Integer.toString(port));
            if (recent.containsKey(PREF_IP_PORTS)) properties.put(PROP_IP_PORTS, recent.get(PREF_IP_PORTS));
            if (recent.containsKey(PREF_IPV6)) properties.put(PROP_IPV6, recent.get(PREF_IPV6));
            Map<String, String> propertiesUpdate = changed(callback.getLocalProperties().values(), properties);
            if (!propertiesUpdate.isEmpty()) callback.mergeLocalProperties(new TransportProperties(propertiesUpdate));
        } catch (DbException | RuntimeException e) {
            LOG.warn("Could not publish the LAN addresses", e);
        }
    }

    private static Map<String, String> changed(Map<String, String> current, Map<String, String> wanted) {
        Map<String, String> changed = new HashMap<>(wanted);
        changed.entrySet().removeIf(e -> e.getValue().equals(current.get(e.getKey())));
        return changed;
    }

    private void startAcceptLoop(Bound bound) {
        try {
            ioExecutor.execute(() -> acceptLoop(bound));
        } catch (RejectedExecutionException e) {
            LOG.warn("The I/O executor refused a LAN accept loop", e);
            closeQuietly(bound.socket());
            bound.acceptLoopEnded().countDown();
        }
    }

    private void acceptLoop(Bound bound) {
        ServerSocket serverSocket = bound.socket();
        try {
            while (true) {
                Socket socket;
                try {
                    socket = serverSocket.accept();
                } catch (IOException e) {
                    // Closed by a re-binding or stop, or broken: the interface check re-binds a broken one.
                    if (!serverSocket.isClosed()) {
                        LOG.warn("A LAN server socket failed", e);
                        closeQuietly(serverSocket);
                    }
                    return;
                }
                if (serverSocket.isClosed()) {
                    // Slipped in while the socket was being closed.
                    closeQuietly(socket);
                    return;
                }
                DuplexTransportConnection connection = connection(socket);
                if (connection == null) continue;
                backoff.reset();
                callback.handleConnection(connection);
            }
        } finally {
            bound.acceptLoopEnded().countDown();
        }
    }

    /** The connected socket as a connection, or null (the socket closed) if it cannot be set up. */
    static DuplexTransportConnection connection(Socket socket) {
        try {
            socket.setSoTimeout(SOCKET_TIMEOUT_MS);
            return new SocketConnection(socket, MAX_LATENCY_MS, MAX_IDLE_TIME_MS);
        } catch (IOException e) {
            LOG.warn("Could not set up a LAN socket", e);
            closeQuietly(socket);
            return null;
        }
    }

    // ---- Watching the interfaces ----------------------------------------------------------------------------

    /** The scheduler only hands the check to the I/O executor: listing interfaces and binding may block. */
    private void scheduleInterfaceCheck() {
        try {
            interfaceCheck = scheduler.schedule(() -> execute(this::checkInterfaces), INTERFACE_CHECK_INTERVAL_MS,
                    MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("The plugin scheduler is shut down; no more interface checks", e);
        }
    }

    private void execute(Runnable task) {
        try {
            ioExecutor.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("The I/O executor is shut down", e);
        }
    }

    private void checkInterfaces() {
        synchronized (bindLock) {
            if (stopped) return;
            List<LocalAddress> usable = usableAddresses();
            boolean broken = bindings.all().stream().anyMatch(b -> b.socket().isClosed());
            if (broken || !usable.equals(usableSeen)) {
                LOG.info("The usable LAN addresses changed or a server socket failed; re-binding");
                rebind(usable);
            }
            scheduleInterfaceCheck();
        }
    }

    // ---- Connecting -----------------------------------------------------------------------------------------

    @Override
    public boolean shouldPoll() {
        return true;
    }

    @Override
    public long getPollingInterval() {
        return backoff.getPollingInterval();
    }

    /** Connects to every target at once, each on its own I/O thread; returns without waiting for them. */
    @Override
    public void poll(Collection<PollTarget> targets) {
        if (state != State.ACTIVE) return;
        backoff.increment();
        for (PollTarget target : targets) {
            execute(() -> connectAndHandOver(target.remoteProperties(), target.handler()));
        }
    }

    private void connectAndHandOver(TransportProperties remote, ConnectionHandler handler) {
        DuplexTransportConnection connection = createConnection(remote);
        if (connection != null) handler.handleConnection(connection);
    }

    /** Tries the contact's IPv4 endpoints, then the hotspot guesses, then its IPv6 addresses, in that order. */
    @Override
    public DuplexTransportConnection createConnection(TransportProperties remoteProperties) {
        if (state != State.ACTIVE) return null;
        Bindings bound = bindings;
        try {
            for (InetSocketAddress remote : remoteEndpoints(remoteProperties, bound)) {
                DuplexTransportConnection connection = connect(bound, remote);
                if (connection != null) return connection;
            }
        } catch (RuntimeException e) {
            // A contact's properties must never break the caller; this would be a bug in the parsing here.
            LOG.warn("Could not use a contact's LAN properties", e);
        }
        return null;
    }

    private static List<InetSocketAddress> remoteEndpoints(TransportProperties remote, Bindings bound) {
        List<InetSocketAddress> endpoints = new ArrayList<>(parseIpPorts(remote.get(PROP_IP_PORTS)));
        int port = parsePort(remote.get(PROP_PORT));
        if (port == 0) return endpoints;
        for (InetAddress hotspot : HOTSPOT_ADDRESSES) {
            InetSocketAddress guess = new InetSocketAddress(hotspot, port);
            if (!endpoints.contains(guess)) endpoints.add(guess);
        }
        if (bound.ipv6() == null) return endpoints;
        for (byte[] ipv6 : parseIpv6(remote.get(PROP_IPV6))) {
            endpoints.add(new InetSocketAddress(withScopeOf(ipv6, bound.ipv6().local().address()), port));
        }
        return endpoints;
    }

    /** A link-local address only means something on one interface: ours, the one our IPv6 socket is bound to. */
    private static InetAddress withScopeOf(byte[] ipv6, InetAddress local) {
        InetAddress remote = byAddress(ipv6);
        if (!remote.isLinkLocalAddress() || !(local instanceof Inet6Address scoped) || scoped.getScopeId() == 0) {
            return remote;
        }
        try {
            return Inet6Address.getByAddress(null, ipv6, scoped.getScopeId());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Not an IPv6 address", e);
        }
    }

    /** A connection from our server socket's address to {@code remote}, if it is in that socket's network. */
    private DuplexTransportConnection connect(Bindings bound, InetSocketAddress remote) {
        Bound local = bound.forFamilyOf(remote.getAddress());
        if (local == null || !isConnectable(bound, local, remote)) return null;
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(local.local().address(), 0));
            socket.connect(remote, CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            LOG.debug("Could not connect to {}", remote, e);
            closeQuietly(socket);
            return null;
        }
        DuplexTransportConnection connection = connection(socket);
        if (connection != null) backoff.reset();
        return connection;
    }

    private boolean isConnectable(Bindings bound, Bound local, InetSocketAddress remote) {
        InetAddress address = remote.getAddress();
        return remote.getPort() != 0
                && isUsable(address, allowLoopback)
                && local.local().sameNetwork(address)
                && bound.all().stream().noneMatch(b -> isEndpointOf(b.socket(), remote));
    }

    private static boolean isEndpointOf(ServerSocket socket, InetSocketAddress remote) {
        return socket.getLocalPort() == remote.getPort()
                && Arrays.equals(socket.getInetAddress().getAddress(), remote.getAddress().getAddress());
    }

    // ---- Key agreement and rendezvous ---------------------------------------------------------------------

    @Override
    public boolean supportsKeyAgreement() {
        return true;
    }

    /** Listens on a fresh port of our IPv4 address: the descriptor is {@code [1, 4 address bytes, port]}. */
    @Override
    public KeyAgreementListener createKeyAgreementListener(byte[] commitment) {
        Bound ipv4 = bindings.ipv4();
        if (state != State.ACTIVE || ipv4 == null) return null;
        InetAddress address = ipv4.local().address();
        ServerSocket socket = bind(address, 0);
        if (socket == null) return null;
        BdfList descriptor = BdfList.of(KEY_AGREEMENT_TRANSPORT, address.getAddress(), (long) socket.getLocalPort());
        return new LanKeyAgreementListener(descriptor, socket);
    }

    @Override
    public DuplexTransportConnection createKeyAgreementConnection(byte[] commitment, BdfList descriptor) {
        InetSocketAddress remote = LanAddresses.parseDescriptor(descriptor);
        if (remote == null) {
            LOG.info("Ignoring a malformed LAN key agreement descriptor");
            return null;
        }
        if (state != State.ACTIVE) return null;
        Bindings bound = bindings;
        Bound local = bound.forFamilyOf(remote.getAddress());
        if (local != null && remote.getAddress() instanceof Inet6Address) {
            remote = new InetSocketAddress(withScopeOf(remote.getAddress().getAddress(), local.local().address()),
                    remote.getPort());
        }
        DuplexTransportConnection connection = connect(bound, remote);
        if (connection == null) LOG.info("Could not reach the peer's LAN key agreement listener");
        return connection;
    }

    // ---- Helpers --------------------------------------------------------------------------------------------

    /** Closes the server sockets and waits, bounded, until they take no more connections. */
    private static void close(Bindings bound) {
        for (Bound b : bound.all()) closeQuietly(b.socket());
        for (Bound b : bound.all()) {
            try {
                if (!b.acceptLoopEnded().await(ACCEPT_LOOP_END_WAIT_MS, MILLISECONDS)) {
                    LOG.warn("A LAN accept loop did not end in time");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) return;
        try {
            closeable.close();
        } catch (IOException e) {
            LOG.debug("Closing a LAN socket failed", e);
        }
    }
}
