package org.thicket.bramble.plugin.tor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Our SOCKS5 client against a scripted loopback proxy that records what it is sent. */
class Socks5Test {

    // A name that cannot resolve: the connect only succeeds if the name goes to the proxy unresolved.
    private static final String HOST = "unresolvable-host.invalid";

    private ServerSocket proxy;

    @BeforeEach
    void bind() throws IOException {
        proxy = new ServerSocket();
        proxy.setSoTimeout(10_000);
        proxy.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterEach
    void close() throws IOException {
        proxy.close();
    }

    /** Accepts one client, checks the greeting, returns the CONNECT request and answers with {@code reply}. */
    private CompletableFuture<byte[]> serveOnce(byte[] reply, byte[] thenSend) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket client = proxy.accept()) {
                client.setSoTimeout(10_000);
                DataInputStream in = new DataInputStream(client.getInputStream());
                OutputStream out = client.getOutputStream();
                byte[] greeting = new byte[3];
                in.readFully(greeting);
                assertThat(greeting).containsExactly(5, 1, 0);
                out.write(new byte[] {5, 0});
                byte[] head = new byte[5];
                in.readFully(head);
                byte[] rest = new byte[head[4] + 2];
                in.readFully(rest);
                out.write(reply);
                out.write(thenSend);
                out.flush();
                in.read();
                byte[] request = new byte[head.length + rest.length];
                System.arraycopy(head, 0, request, 0, head.length);
                System.arraycopy(rest, 0, request, head.length, rest.length);
                return request;
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
    }

    @Test
    void sendsTheHostNameUnresolvedAndLeavesOnlyPayloadInTheStream() throws Exception {
        byte[] success = {5, 0, 0, 1, 0, 0, 0, 0, 0, 0};
        CompletableFuture<byte[]> request = serveOnce(success, "payload".getBytes(StandardCharsets.US_ASCII));
        try (Socket socket = Socks5.connect(proxy.getLocalPort(), HOST, 80, 5_000, 10_000)) {
            byte[] payload = socket.getInputStream().readNBytes(7);
            assertThat(new String(payload, StandardCharsets.US_ASCII)).isEqualTo("payload");
        }
        byte[] sent = request.get(10, TimeUnit.SECONDS);
        assertThat(sent[0]).isEqualTo((byte) 5);
        assertThat(sent[1]).isEqualTo((byte) 1);
        assertThat(sent[3]).as("ATYP domain name").isEqualTo((byte) 3);
        assertThat(new String(sent, 5, sent[4], StandardCharsets.US_ASCII)).isEqualTo(HOST);
        assertThat(((sent[sent.length - 2] & 0xFF) << 8) | (sent[sent.length - 1] & 0xFF)).isEqualTo(80);
    }

    @Test
    void skipsADomainNameBoundAddress() throws Exception {
        byte[] success = {5, 0, 0, 3, 3, 'a', 'b', 'c', 0, 80};
        serveOnce(success, "x".getBytes(StandardCharsets.US_ASCII));
        try (Socket socket = Socks5.connect(proxy.getLocalPort(), HOST, 80, 5_000, 10_000)) {
            assertThat(socket.getInputStream().read()).isEqualTo('x');
        }
    }

    @Test
    void failsOnAnErrorReplyInsteadOfPassingItOn() {
        serveOnce(new byte[] {5, 4, 0, 1, 0, 0, 0, 0, 0, 0}, new byte[0]);
        assertThatThrownBy(() -> Socks5.connect(proxy.getLocalPort(), HOST, 80, 5_000, 10_000))
                .isInstanceOf(Socks5.SocksException.class).satisfies(e ->
                        assertThat(((Socks5.SocksException) e).reply()).isEqualTo(4));
        // Tor's extended error 0xF0 ("descriptor not found") is an error too, not a success with trailing bytes.
        serveOnce(new byte[] {5, (byte) 0xF0, 0, 1, 0, 0, 0, 0, 0, 0}, new byte[0]);
        assertThatThrownBy(() -> Socks5.connect(proxy.getLocalPort(), HOST, 80, 5_000, 10_000))
                .isInstanceOf(Socks5.SocksException.class);
    }

    @Test
    void failsOnAnUnknownAddressType() {
        serveOnce(new byte[] {5, 0, 0, 9, 0, 0}, new byte[0]);
        assertThatThrownBy(() -> Socks5.connect(proxy.getLocalPort(), HOST, 80, 5_000, 10_000))
                .isInstanceOf(IOException.class).hasMessageContaining("address type");
    }
}
