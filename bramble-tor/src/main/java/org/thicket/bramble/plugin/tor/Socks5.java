package org.thicket.bramble.plugin.tor;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A SOCKS5 (RFC 1928) CONNECT through tor's loopback proxy, written here rather than taken from java.net: the host
 * name goes to the proxy as a domain name (ATYP 3), so nothing is ever resolved locally, and any reply other than
 * "succeeded" fails the connection instead of leaving reply bytes in the stream.
 */
final class Socks5 {

    private static final int VERSION = 5;
    private static final int NO_AUTH = 0;
    private static final int CONNECT = 1;
    private static final int ATYP_IPV4 = 1;
    private static final int ATYP_DOMAIN = 3;
    private static final int ATYP_IPV6 = 4;
    private static final int SUCCEEDED = 0;
    /** The reply tor gives when it found no descriptor for an onion. */
    static final int HOST_UNREACHABLE = 4;

    private Socks5() {
    }

    /**
     * A socket connected through the proxy to host:port.
     *
     * @param proxyTimeoutMs how long to wait for the loopback proxy to accept the TCP connection
     * @param handshakeTimeoutMs how long tor may take to build the circuit and answer the CONNECT
     */
    static Socket connect(int proxyPort, String host, int port, int proxyTimeoutMs, int handshakeTimeoutMs)
            throws IOException {
        byte[] hostBytes = host.getBytes(StandardCharsets.US_ASCII);
        if (hostBytes.length == 0 || hostBytes.length > 255) throw new IllegalArgumentException("Bad host length");
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), proxyPort), proxyTimeoutMs);
            socket.setSoTimeout(handshakeTimeoutMs);
            handshake(socket, hostBytes, port);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static void handshake(Socket socket, byte[] host, int port) throws IOException {
        OutputStream out = socket.getOutputStream();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        out.write(new byte[] {VERSION, 1, NO_AUTH});
        out.flush();
        if (in.readUnsignedByte() != VERSION || in.readUnsignedByte() != NO_AUTH) {
            throw new IOException("The SOCKS proxy refused no-auth");
        }
        byte[] request = new byte[7 + host.length];
        request[0] = VERSION;
        request[1] = CONNECT;
        request[2] = 0;
        request[3] = ATYP_DOMAIN;
        request[4] = (byte) host.length;
        System.arraycopy(host, 0, request, 5, host.length);
        request[5 + host.length] = (byte) (port >> 8);
        request[6 + host.length] = (byte) port;
        out.write(request);
        out.flush();
        if (in.readUnsignedByte() != VERSION) throw new IOException("Not a SOCKS5 reply");
        int reply = in.readUnsignedByte();
        if (reply != SUCCEEDED) throw new SocksException(reply);
        in.readUnsignedByte();
        skipBoundAddress(in);
    }

    private static void skipBoundAddress(DataInputStream in) throws IOException {
        int type = in.readUnsignedByte();
        int length = switch (type) {
            case ATYP_IPV4 -> 4;
            case ATYP_IPV6 -> 16;
            case ATYP_DOMAIN -> in.readUnsignedByte();
            default -> throw new IOException("Unknown SOCKS address type " + type);
        };
        in.readFully(new byte[length + 2]);
    }

    /** The proxy answered the CONNECT with an error code, e.g. 4 (host unreachable) before a descriptor is up. */
    static final class SocksException extends IOException {

        private static final long serialVersionUID = 1L;

        private final int reply;

        SocksException(int reply) {
            super("SOCKS proxy replied " + reply);
            this.reply = reply;
        }

        int reply() {
            return reply;
        }
    }
}
