package org.thicket.messenger.headless.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.thicket.messenger.headless.NodeProcess;
import java.util.stream.Collectors;
import org.thicket.bramble.plugin.tor.privnet.PrivateTorNetwork;
import org.thicket.messenger.headless.Main;

/**
 * One thicket-node in a child JVM on the Tor transport only, for the Tor end-to-end test and benchmark: its own data
 * directory (kept across restarts), the password in a 0600 file, the API on a free port, a test-only scrypt cost and
 * the given BRP times. Talks to the node through its API with the JDK's HTTP and WebSocket clients. Every wait is
 * bounded; {@link #close()} kills the child by its PID.
 */
public final class HeadlessTorNode implements AutoCloseable {

    /** Answer of one API call: the status and the body parsed as JSON (null if empty). */
    public record Answer(int status, JsonNode json) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern API_LINE = Pattern.compile("^API url=(http://127\\.0\\.0\\.1:[0-9]+) token-file=(.*)$");
    private static final Duration LINE_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
    private static final String END_OF_OUTPUT = "<end of output>";

    private final String name;
    private final Path directory;
    private final List<String> command;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
    private Process process;
    private BlockingQueue<String> stdout;
    private String base;
    private String token;
    private int starts;

    /**
     * @param directory this node's files: its data directory, password file and logs
     * @param torrc the file of extra torrc lines (the private network's client lines)
     * @param rendezvousTimes BRP's polling interval and timeout in ms, as "POLLING,TIMEOUT"
     */
    public HeadlessTorNode(String name, Path directory, Path tor, Path torrc, String rendezvousTimes) throws IOException {
        this.name = name;
        this.directory = Files.createDirectories(directory);
        Path password = directory.resolve("password");
        Files.writeString(password, "correct horse " + name + "\n", UTF_8);
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        String java = ProcessHandle.current().info().command().orElseThrow(() -> new AssertionError("No java"));
        List<String> command = new ArrayList<>(List.of(java, "-Dthicket.test.scryptN=1024",
                "-Dthicket.test.rendezvousMs=" + rendezvousTimes, "-Dorg.slf4j.simpleLogger.defaultLogLevel=info"));
        command.addAll(NodeProcess.releasedJvmOptions());
        command.addAll(List.of("-cp", classPath(), Main.class.getName(),
                "--data-dir", directory.resolve("data").toString(), "--nickname", name,
                "--password-file", password.toString(), "--api-port", "0", "--transports", "tor",
                "--tor-torrc", torrc.toString(), "--tor-binary", tor.toString()));
        this.command = List.copyOf(command);
    }

    /**
     * A node on a private Tor network: its client torrc lines, plus a {@code SocksTimeout} of 20 s (tor's default is
     * 120 s) so that a connection to a restarted onion that stalls on the old descriptor fails soon and is retried
     * after the plugin refetched the descriptor.
     */
    public static HeadlessTorNode onPrivateNetwork(PrivateTorNetwork network, Path parent, String name,
            String rendezvousTimes) throws IOException {
        List<String> lines = new ArrayList<>(network.clientTorrcLines());
        lines.add("SocksTimeout 20");
        Path torrc = Files.write(Files.createDirectories(parent).resolve(name + ".torrc"), lines);
        return new HeadlessTorNode(name, parent.resolve(name), PrivateTorNetwork.findTor(), torrc, rendezvousTimes);
    }

    /**
     * The class path this code was loaded from: under exec:java (the benchmark) that is the context class loader's,
     * not the JVM's, which holds only Maven's launcher.
     */
    private static String classPath() {
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader) {
            return Arrays.stream(loader.getURLs()).map(HeadlessTorNode::toPath)
                    .collect(Collectors.joining(File.pathSeparator));
        }
        return System.getProperty("java.class.path");
    }

    private static String toPath(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Not a file on the class path: " + url, e);
        }
    }

    public String name() {
        return name;
    }

    /** Starts the child (again, over the same data directory) and waits for its API and READY lines. */
    public void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) throw new IllegalStateException(name + " is running");
        starts++;
        Path stderr = directory.resolve("stderr-" + starts + ".log");
        process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        stdout = lines;
        Process child = process;
        Thread reader = new Thread(() -> readLines(child, lines), name + "-stdout");
        reader.setDaemon(true);
        reader.start();
        Matcher api = API_LINE.matcher(awaitLine());
        if (!api.matches()) throw new AssertionError(name + ": not the API line; stderr:\n" + stderr());
        base = api.group(1);
        token = Files.readString(Path.of(api.group(2)), UTF_8).trim();
        if (!awaitLine().startsWith("READY ")) throw new AssertionError(name + ": no READY line");
    }

    private static void readLines(Process child, BlockingQueue<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) lines.add(line);
        } catch (IOException e) {
            // The pipe breaks when the child is killed; the end marker still follows.
        } finally {
            lines.add(END_OF_OUTPUT);
        }
    }

    private String awaitLine() throws InterruptedException, IOException {
        String line = stdout.poll(LINE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (line == null || line.equals(END_OF_OUTPUT)) {
            throw new AssertionError(name + " printed no line; stderr:\n" + stderr());
        }
        return line;
    }

    /** Sends SIGTERM and waits for the exit; returns the exit status. */
    public int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(LINE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError(name + " did not exit after SIGTERM");
        }
        return process.exitValue();
    }

    /** The child's standard error of its latest start, for failure messages. */
    public String stderr() throws IOException {
        Path file = directory.resolve("stderr-" + starts + ".log");
        return Files.exists(file) ? Files.readString(file, UTF_8) : "";
    }

    /**
     * The last lines the node logged at its latest start, without the API server's own, each cut to one screen
     * line: enough to tell from a CI summary which connections opened, ended or failed.
     */
    public String logTail(int lines) {
        try {
            List<String> all = stderr().lines().filter(l -> !l.contains(" Server - ") && !l.contains("Connector - "))
                    .map(l -> l.length() > 200 ? l.substring(0, 200) : l).toList();
            return name + "'s log, last lines:\n  " + String.join("\n  ", all.subList(Math.max(0, all.size() - lines),
                    all.size()));
        } catch (IOException e) {
            return name + "'s log could not be read: " + e;
        }
    }

    public Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    /** POSTs the object as JSON. */
    public Answer post(String path, Object body) throws IOException, InterruptedException {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(HTTP_TIMEOUT)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
        String body = response.body();
        return new Answer(response.statusCode(), body.isEmpty() ? null : JSON.readTree(body));
    }

    /**
     * Polls GET {@code path} every 250 ms until the answer is 200 and its body satisfies the condition.
     *
     * @throws AssertionError with the last answer if that did not happen within the timeout
     */
    public JsonNode awaitGet(String path, Predicate<JsonNode> condition, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Answer last = null;
        while (System.nanoTime() < deadline) {
            last = get(path);
            if (last.status() == 200 && condition.test(last.json())) return last.json();
            Thread.sleep(250);
        }
        throw new AssertionError(name + ": GET " + path + " did not get there within " + timeout + "; last answer "
                + last);
    }

    /** Waits until the Tor plugin is ACTIVE with a published onion; returns GET /v1/tor. */
    public JsonNode awaitTorActive(Duration timeout) throws IOException, InterruptedException {
        return awaitGet("/v1/tor", tor -> tor.path("state").asText().equals("ACTIVE") && tor.hasNonNull("onion3"),
                timeout);
    }

    /** Our handshake link, from GET /v1/link. */
    public String link() throws IOException, InterruptedException {
        Answer answer = get("/v1/link");
        if (answer.status() != 200) throw new AssertionError(name + ": GET /v1/link answered " + answer);
        return answer.json().path("link").asText();
    }

    /** Adds the other node's link as a pending contact under this alias. */
    public void addPendingContact(String link, String alias) throws IOException, InterruptedException {
        Answer answer = post("/v1/pending-contacts", Map.of("link", link, "alias", alias));
        if (answer.status() / 100 != 2) throw new AssertionError(name + ": adding a link answered " + answer);
    }

    /** Waits until the node lists exactly one contact; returns its contact ID. */
    public int awaitOneContact(Duration timeout) throws IOException, InterruptedException {
        return awaitGet("/v1/contacts", contacts -> contacts.size() == 1, timeout).get(0).path("contactId").asInt();
    }

    /** Sends a text message; returns the message as the API answered it. */
    public JsonNode send(int contactId, String text) throws IOException, InterruptedException {
        Answer answer = post("/v1/messages/" + contactId, Map.of("text", text));
        if (answer.status() != 201) throw new AssertionError(name + ": sending answered " + answer);
        return answer.json();
    }

    /** Opens the WebSocket event stream. */
    public Events events() throws Exception {
        Events events = new Events();
        events.socket = http.newWebSocketBuilder().connectTimeout(HTTP_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .buildAsync(URI.create("ws" + base.substring(4) + "/v1/ws"), events)
                .get(HTTP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return events;
    }

    /** Kills the child if it still runs (also when a test failed half-way) and waits for it. */
    @Override
    public void close() {
        Process child = process;
        if (child == null) return;
        ProcessHandle.of(child.pid()).ifPresent(ProcessHandle::destroyForcibly);
        try {
            child.waitFor(LINE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The events of a WebSocket, each with the System.nanoTime() it arrived at. */
    public static final class Events implements WebSocket.Listener, AutoCloseable {

        /** One event and when it arrived. */
        public record Received(JsonNode event, long nanoTime) {
        }

        private final BlockingQueue<Received> queue = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long now = System.nanoTime();
                try {
                    queue.add(new Received(JSON.readTree(partial.toString()), now));
                } catch (IOException e) {
                    throw new AssertionError("Not JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        /** The next event with this name, skipping others. */
        public Received await(String eventName, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Received r = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (r == null) throw new AssertionError("No " + eventName + " event within " + timeout);
                if (r.event().path("name").asText().equals(eventName)) return r;
            }
        }

        /** Every event received so far that has this name, removing all events from the queue. */
        public List<JsonNode> drain(String eventName) {
            List<Received> all = new ArrayList<>();
            queue.drainTo(all);
            return all.stream().map(Received::event).filter(e -> e.path("name").asText().equals(eventName)).toList();
        }

        @Override
        public void close() {
            if (socket != null) socket.abort();
        }
    }
}
