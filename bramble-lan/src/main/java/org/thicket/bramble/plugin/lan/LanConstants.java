package org.thicket.bramble.plugin.lan;

import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.api.TransportIds;

/** The LAN transport's ID, property and setting keys, and timings (specs/transports/lan.md). */
public final class LanConstants {

    public static final TransportId ID = TransportIds.LAN;

    /** Property: our recent IPv4 endpoints, {@code a.b.c.d:port}, comma-separated, most recent first. */
    public static final String PROP_IP_PORTS = "ipPorts";

    /** Property and setting: the port chosen once for this device; our IPv6 addresses are reached on it. */
    public static final String PROP_PORT = "port";

    /** Property: our recent IPv6 link-local addresses, 32 hex digits each, comma-separated, most recent first. */
    public static final String PROP_IPV6 = "ipv6";

    /** Setting: the same list as {@link #PROP_IP_PORTS}, kept in the plugin's settings. */
    public static final String PREF_IP_PORTS = "ipPorts";

    /** Setting: the same list as {@link #PROP_IPV6}, kept in the plugin's settings. */
    public static final String PREF_IPV6 = "ipv6";

    /** Setting: the port chosen once, in 32768 to 65535. */
    public static final String PREF_PORT = "port";

    /**
     * Setting (ours, not Briar's): {@code "true"} lets the plugin use loopback addresses (127.0.0.0/8, ::1) as if
     * they were LAN addresses, for tests and for two nodes on one machine. Off by default.
     */
    public static final String PREF_ALLOW_LOOPBACK = "allowLoopback";

    /** The transport number of the LAN descriptor in a BQP QR code: {@code [1, ip bytes, port]}. */
    public static final long KEY_AGREEMENT_TRANSPORT = 1;

    public static final long MAX_LATENCY_MS = 30_000;
    public static final long MAX_IDLE_TIME_MS = 30_000;
    public static final int CONNECT_TIMEOUT_MS = 3_000;

    /** A socket that hears nothing for this long is dead: twice the idle time, so one late keepalive is forgiven. */
    public static final int SOCKET_TIMEOUT_MS = (int) (2 * MAX_IDLE_TIME_MS);

    /** How often the plugin looks for changed network interfaces, and re-binds if they changed. */
    public static final long INTERFACE_CHECK_INTERVAL_MS = 10_000;

    /** The random port chosen once is in this range (the IANA dynamic ports). */
    public static final int MIN_CHOSEN_PORT = 32_768;
    public static final int MAX_CHOSEN_PORT = 65_535;

    /** At most this many entries in our recent-address lists. */
    public static final int MAX_RECENT_ADDRESSES = 4;

    private LanConstants() {
    }
}
