package org.thicket.bramble.plugin.lan;

import static org.thicket.bramble.plugin.lan.LanConstants.MAX_RECENT_ADDRESSES;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.plugin.api.TransportProperties;

/**
 * The text forms of the LAN properties, and which addresses the transport may use. Parsing never throws and never
 * looks a name up: a contact's properties are hostile, so anything but a literal of the exact form is skipped.
 */
final class LanAddresses {

    /** At most this many entries of a contact's list are looked at; more cannot fit in a property anyway. */
    static final int MAX_REMOTE_ENTRIES = 8;

    private static final String SEPARATOR = ",";
    private static final int IPV6_HEX_LENGTH = 32;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private LanAddresses() {
    }

    /**
     * Whether the transport may use this address, ours or a contact's: IPv4 site-local (RFC 1918) or link-local,
     * IPv6 link-local, and loopback only if allowed.
     */
    static boolean isUsable(InetAddress address, boolean allowLoopback) {
        if (address.isLoopbackAddress()) return allowLoopback;
        if (address instanceof Inet4Address) return address.isSiteLocalAddress() || address.isLinkLocalAddress();
        return address instanceof Inet6Address && address.isLinkLocalAddress();
    }

    /** {@code a.b.c.d:port}. */
    static String ipPort(InetSocketAddress endpoint) {
        return endpoint.getAddress().getHostAddress() + ":" + endpoint.getPort();
    }

    /** The 16 bytes of an IPv6 address as 32 upper-case hex digits, as Briar writes them. */
    static String ipv6Hex(Inet6Address address) {
        byte[] bytes = address.getAddress();
        StringBuilder s = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) s.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        return s.toString();
    }

    /**
     * {@code entry} at the head of a comma-separated most-recent-first list, once, keeping at most
     * {@link LanConstants#MAX_RECENT_ADDRESSES} entries and dropping the oldest until it fits in a property value.
     */
    static String addRecent(String list, String entry) {
        List<String> recent = new ArrayList<>();
        recent.add(entry);
        if (list != null && !list.isEmpty()) {
            Arrays.stream(list.split(SEPARATOR, -1)).filter(e -> !e.isEmpty() && !e.equals(entry))
                    .forEach(recent::add);
        }
        while (recent.size() > MAX_RECENT_ADDRESSES
                || (recent.size() > 1 && String.join(SEPARATOR, recent).length()
                        > TransportProperties.MAX_PROPERTY_LENGTH)) {
            recent.remove(recent.size() - 1);
        }
        return String.join(SEPARATOR, recent);
    }

    /** The IPv4 endpoints of an {@code ipPorts} value; malformed entries are skipped. */
    static List<InetSocketAddress> parseIpPorts(String value) {
        List<InetSocketAddress> endpoints = new ArrayList<>();
        for (String entry : entries(value)) {
            int colon = entry.lastIndexOf(':');
            if (colon < 0) continue;
            Inet4Address ip = parseIpv4(entry.substring(0, colon));
            int port = parsePort(entry.substring(colon + 1));
            if (ip != null && port != 0) endpoints.add(new InetSocketAddress(ip, port));
        }
        return endpoints;
    }

    /** The 16-byte addresses of an {@code ipv6} value; malformed entries are skipped. */
    static List<byte[]> parseIpv6(String value) {
        List<byte[]> addresses = new ArrayList<>();
        for (String entry : entries(value)) {
            byte[] bytes = parseHex(entry, IPV6_HEX_LENGTH);
            if (bytes != null) addresses.add(bytes);
        }
        return addresses;
    }

    /** A port from 1 to 65535 in plain decimal digits, or 0 if the value is absent or anything else. */
    static int parsePort(String value) {
        if (value == null || value.isEmpty() || value.length() > 5 || !allDigits(value)) return 0;
        int port = Integer.parseInt(value);
        return port <= 65_535 ? port : 0;
    }

    /** A dotted-quad IPv4 literal, each part 1 to 3 decimal digits up to 255; null for anything else. */
    static Inet4Address parseIpv4(String value) {
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4) return null;
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || !allDigits(part)) return null;
            int octet = Integer.parseInt(part);
            if (octet > 255) return null;
            bytes[i] = (byte) octet;
        }
        return (Inet4Address) byAddress(bytes);
    }

    /**
     * The endpoint of a BQP descriptor {@code [1, ip bytes (4 or 16), port]}, or null if the descriptor has any other
     * form.
     */
    static InetSocketAddress parseDescriptor(BdfList descriptor) {
        if (descriptor == null || descriptor.size() != 3) return null;
        if (!(descriptor.get(0) instanceof Long transport) || transport != LanConstants.KEY_AGREEMENT_TRANSPORT) {
            return null;
        }
        if (!(descriptor.get(1) instanceof byte[] ip) || (ip.length != 4 && ip.length != 16)) return null;
        if (!(descriptor.get(2) instanceof Long port) || port < 1 || port > 65_535) return null;
        return new InetSocketAddress(byAddress(ip), port.intValue());
    }

    /** An address from its raw bytes, which must be 4 or 16 long. No name is looked up. */
    static InetAddress byAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("An IP address is 4 or 16 bytes, not " + bytes.length, e);
        }
    }

    private static List<String> entries(String value) {
        if (value == null || value.isEmpty() || value.length() > TransportProperties.MAX_PROPERTY_LENGTH) {
            return List.of();
        }
        return Arrays.stream(value.split(SEPARATOR, -1)).limit(MAX_REMOTE_ENTRIES).toList();
    }

    private static byte[] parseHex(String value, int length) {
        if (value.length() != length) return null;
        byte[] bytes = new byte[length / 2];
        for (int i = 0; i < bytes.length; i++) {
            int high = hexDigit(value.charAt(2 * i));
            int low = hexDigit(value.charAt(2 * i + 1));
            if (high < 0 || low < 0) return null;
            bytes[i] = (byte) ((high << 4) | low);
        }
        return bytes;
    }

    /** The value of an ASCII hex digit of either case, or -1 (also for the non-ASCII digits Java would accept). */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }
}
