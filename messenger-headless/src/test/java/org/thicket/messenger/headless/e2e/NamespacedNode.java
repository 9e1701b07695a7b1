package org.thicket.messenger.headless.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.thicket.bramble.plugin.lan.netns.NetNamespaces;
import org.thicket.messenger.headless.Main;
import org.thicket.messenger.headless.NodeProcess;

/**
 * A headless node in a child JVM inside a network namespace, driven by curl run in the same namespace: the API
 * listens on 127.0.0.1 of the node's namespace, which no thread of this JVM can reach. The token goes to curl in a
 * header file only the owner can read, never on a command line. The {@link NetNamespaces} stops the child by its
 * PID.
 */
final class NamespacedNode implements NodeApi {

    private static final long START_WAIT_MS = 60_000;
    private static final int CURL_MAX_SECONDS = 30;
    private static final Pattern API = Pattern.compile("API url=(http://127\\.0\\.0\\.1:[0-9]+) token-file=(.*)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NetNamespaces net;
    private final String namespace;
    private final String base;
    private final Path headerFile;

    private NamespacedNode(NetNamespaces net, String namespace, String base, Path headerFile) {
        this.net = net;
        this.namespace = namespace;
        this.base = base;
        this.headerFile = headerFile;
    }

    /** Starts a new account in the namespace, with every transport, and waits for READY. */
    static NamespacedNode start(NetNamespaces net, String namespace, Path workDir, String nickname, Path password)
            throws Exception {
        Path stdout = workDir.resolve(nickname + ".out");
        Path stderr = workDir.resolve(nickname + ".err");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                // TestScryptCost.PROPERTY: a cheap password hash for a test account
                "-Dthicket.test.scryptN=1024", "-Dorg.slf4j.simpleLogger.defaultLogLevel=info"));
        command.addAll(NodeProcess.releasedJvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--data-dir", workDir.resolve(nickname).toString(), "--nickname", nickname,
                "--password-file", password.toString(), "--transports", "real", "--api-port", "0"));
        Process process = net.start(namespace, command, stdout, stderr);
        Matcher api = awaitApiLine(process, stdout, stderr);
        Path headerFile = Files.createTempFile(workDir, "auth", ".txt",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        String token = Files.readString(Path.of(api.group(2)), UTF_8).trim();
        Files.writeString(headerFile, "Authorization: Bearer " + token + "\n", UTF_8);
        return new NamespacedNode(net, namespace, api.group(1), headerFile);
    }

    /** Reads the child's standard output file until READY follows the API line; bounded, and fails if it ends. */
    private static Matcher awaitApiLine(Process process, Path stdout, Path stderr) throws Exception {
        long deadline = System.currentTimeMillis() + START_WAIT_MS;
        while (true) {
            List<String> lines = Files.exists(stdout) ? Files.readAllLines(stdout, UTF_8) : List.of();
            Optional<Matcher> api = lines.stream().map(API::matcher).filter(Matcher::matches).findFirst();
            boolean ready = lines.stream().anyMatch(l -> l.startsWith("READY "));
            if (api.isPresent() && ready) return api.get();
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                throw new AssertionError("The node did not get ready; stdout:\n" + String.join("\n", lines)
                        + "\nstderr:\n" + (Files.exists(stderr) ? Files.readString(stderr, UTF_8) : ""));
            }
            Thread.sleep(100);
        }
    }

    @Override
    public JsonNode get(String path) throws Exception {
        Answer answer = curl(List.of(base + path));
        if (answer.status() != 200) throw new AssertionError("GET " + path + ": " + answer);
        return answer.json();
    }

    @Override
    public Answer post(String path, Object body) throws Exception {
        return curl(List.of("-H", "Content-Type: application/json",
                "--data-raw", JSON.writeValueAsString(body), base + path));
    }

    /** Runs curl in the namespace; the status comes last, on a line of its own. */
    private Answer curl(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", String.valueOf(CURL_MAX_SECONDS),
                "-H", "@" + headerFile, "-w", "\n%{http_code}"));
        command.addAll(args);
        NetNamespaces.Result result = net.run(namespace, command);
        if (result.exitCode() != 0) throw new AssertionError("curl failed: " + result.output());
        String output = result.output();
        int lastLine = output.lastIndexOf('\n');
        int status = Integer.parseInt(output.substring(lastLine + 1).strip());
        String body = output.substring(0, lastLine);
        return new Answer(status, body.isBlank() ? null : JSON.readTree(body));
    }
}
