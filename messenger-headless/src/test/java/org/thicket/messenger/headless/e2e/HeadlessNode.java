package org.thicket.messenger.headless.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.thicket.messenger.headless.NodeProcess;

/**
 * A headless node in a child JVM (a {@link NodeProcess}) with its API on a free loopback port, and a client of that
 * API. Every request is bounded; {@link #close} stops the child by its PID.
 */
public final class HeadlessNode implements NodeApi, AutoCloseable {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern API = Pattern.compile("API url=(http://127\\.0\\.0\\.1:[0-9]+) token-file=(.*)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NodeProcess process;
    private final String base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

    private HeadlessNode(NodeProcess process, String base, String token) {
        this.process = process;
        this.base = base;
        this.authorization = "Bearer " + token;
    }

    /**
     * Starts a node over the data directory, creating the account if {@code nickname} is given, with the transports
     * chosen (loopback, real, none), and waits for its API line and READY.
     *
     * @param stderr where the child's standard error goes; must not exist yet
     */
    public static HeadlessNode start(Path dataDir, String nickname, Path passwordFile, String transports,
            Path stderr) throws Exception {
        List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.toString(),
                "--password-file", passwordFile.toString(), "--transports", transports, "--api-port", "0"));
        if (nickname != null) args.addAll(List.of("--nickname", nickname));
        NodeProcess process = NodeProcess.start(stderr, args.toArray(String[]::new));
        try {
            Matcher api = API.matcher(process.awaitLine());
            if (!api.matches()) throw new AssertionError("No API line; stderr:\n" + process.stderr());
            process.awaitReady();
            String token = Files.readString(Path.of(api.group(2)), UTF_8).trim();
            return new HeadlessNode(process, api.group(1), token);
        } catch (Exception | AssertionError e) {
            process.close();
            throw e;
        }
    }

    /** A password file only its owner can read, as the node asks. */
    public static Path passwordFile(Path dir, String password) throws Exception {
        Path file = Files.createTempFile(dir, "password", ".txt",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, password + "\n", UTF_8);
        return file;
    }

    public long pid() {
        return process.pid();
    }

    public String stderr() throws Exception {
        return process.stderr();
    }

    /** kill -9 by PID, and waits for the child to end. */
    public void killHard() throws Exception {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
        process.awaitExit();
    }

    /** The API's URL, http://127.0.0.1:port. */
    public String baseUrl() {
        return base;
    }

    /** The value of the Authorization header the API asks for. */
    public String authorizationHeader() {
        return authorization;
    }

    @Override
    public JsonNode get(String path) throws Exception {
        Answer answer = send(request(path).GET());
        if (answer.status() != 200) throw new AssertionError("GET " + path + ": " + answer);
        return answer.json();
    }

    @Override
    public Answer post(String path, Object body) throws Exception {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("Authorization", authorization);
    }

    private Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        byte[] body = response.body();
        return new Answer(response.statusCode(), body.length == 0 ? null : JSON.readTree(body));
    }

    /** Opens the node's event stream (/v1/ws); the listener gets every event as text. */
    public WebSocket openEvents(WebSocket.Listener listener) throws Exception {
        URI uri = URI.create("ws" + base.substring("http".length()) + "/v1/ws");
        return http.newWebSocketBuilder().connectTimeout(REQUEST_TIMEOUT).header("Authorization", authorization)
                .buildAsync(uri, listener).get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the child by its PID, also when a test failed half-way. */
    @Override
    public void close() {
        process.close();
    }
}
