package org.thicket.messenger.headless.bench;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.thicket.messenger.headless.e2e.NodeApi;

/**
 * A node's API over plain HTTP/1.1: one kept-alive socket per calling thread, requests written by hand. The JDK's
 * HttpClient took about as much CPU as the receiving node (a third of the benchmark's), on the two cores the nodes
 * share; this is the benchmark's instrument, so it should cost next to nothing. Only what the API answers is read:
 * a status line, headers and a Content-Length body.
 */
final class PlainHttpApi implements NodeApi, AutoCloseable {

    private static final int MAX_HEADER_LINE = 8_192;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String host;
    private final int port;
    private final String authorization;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();
    private final List<Connection> opened = new CopyOnWriteArrayList<>();

    /** @param base the API's URL, http://127.0.0.1:port */
    PlainHttpApi(String base, String authorization) {
        URI uri = URI.create(base);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.authorization = authorization;
    }

    private record Connection(Socket socket, InputStream in, OutputStream out) {
    }

    @Override
    public JsonNode get(String path) throws Exception {
        Answer answer = exchange("GET", path, new byte[0]);
        if (answer.status() != 200) throw new AssertionError("GET " + path + ": " + answer);
        return answer.json();
    }

    @Override
    public Answer post(String path, Object body) throws Exception {
        return exchange("POST", path, JSON.writeValueAsBytes(body));
    }

    private Answer exchange(String method, String path, byte[] body) throws IOException {
        Connection c = connection();
        String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: "
                + authorization + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        c.out().write(head.getBytes(ISO_8859_1));
        c.out().write(body);
        c.out().flush();
        int status = Integer.parseInt(readLine(c.in()).split(" ", 3)[1]);
        int length = -1;
        for (String line; !(line = readLine(c.in())).isEmpty(); ) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) length = Integer.parseInt(lower.substring(15).trim());
            if (lower.startsWith("transfer-encoding:")) throw new IOException("Not read here: " + line);
        }
        if (length < 0) throw new IOException("An answer without Content-Length");
        byte[] answer = c.in().readNBytes(length);
        if (answer.length < length) throw new IOException("The answer ended early");
        return new Answer(status, length == 0 ? null : JSON.readTree(answer));
    }

    private Connection connection() throws IOException {
        Connection c = connections.get();
        if (c != null) return c;
        Socket socket = new Socket(InetAddress.getByName(host), port);
        socket.setTcpNoDelay(true);
        c = new Connection(socket, new BufferedInputStream(socket.getInputStream()), socket.getOutputStream());
        connections.set(c);
        opened.add(c);
        return c;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) throw new IOException("The connection ended");
            if (line.size() > MAX_HEADER_LINE) throw new IOException("A header line too long");
            if (b != '\r') line.write(b);
        }
        return line.toString(ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        for (Connection c : opened) c.socket().close();
    }
}
