package org.thicket.bramble.plugin.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real loopback socket pair: Nagle off, and when the socket closes. */
class SocketConnectionTest {

    private ServerSocket server;
    private Socket client;
    private Socket accepted;

    @BeforeEach
    void connect() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        client = new Socket();
        client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 5_000);
        accepted = server.accept();
    }

    @AfterEach
    void close() throws IOException {
        client.close();
        accepted.close();
        server.close();
    }

    @Test
    void nagleIsOffAndTheLatenciesAreTheTransports() throws IOException {
        SocketConnection connection = new SocketConnection(client, 30_000, 60_000);

        assertThat(client.getTcpNoDelay()).isTrue();
        assertThat(connection.getWriter().getMaxLatency()).isEqualTo(30_000);
        assertThat(connection.getWriter().getMaxIdleTime()).isEqualTo(60_000);
    }

    @Test
    void theSocketStaysOpenUntilBothHalvesAreDisposed() throws IOException {
        SocketConnection connection = new SocketConnection(client, 30_000, 30_000);

        connection.getReader().dispose(false, true);
        assertThat(client.isClosed()).isFalse();
        connection.getWriter().getOutputStream().write(1);

        connection.getWriter().dispose(false);
        assertThat(client.isClosed()).isTrue();
    }

    @Test
    void anErrorInEitherHalfClosesTheSocketAtOnce() throws IOException {
        SocketConnection connection = new SocketConnection(client, 30_000, 30_000);

        connection.getWriter().dispose(true);

        assertThat(client.isClosed()).isTrue();
    }
}
