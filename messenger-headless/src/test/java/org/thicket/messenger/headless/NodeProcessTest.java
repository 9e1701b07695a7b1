package org.thicket.messenger.headless;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.messenger.headless.api.ApiToken;

/**
 * The whole program in child JVMs, as scripts and supervisors run it: READY on standard output, exit codes, signals,
 * and an account that survives both a clean stop and kill -9. Needs POSIX signals and file permissions.
 */
class NodeProcessTest {

    private static final Pattern READY = Pattern.compile("READY nickname=(.*) author=([0-9a-f]{64})");
    private static final Pattern API = Pattern.compile("API url=(http://127\\.0\\.0\\.1:[0-9]+) token-file=(.*)");
    /** Logged by the database when it opens after a session that did not close it (bramble-core's db package). */
    private static final String UNCLEAN = "The database was not closed cleanly last time";

    @TempDir
    Path tmp;

    private int childCount;

    @BeforeAll
    static void requirePosix() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX");
    }

    @Test
    void createsTheAccountStopsCleanlyOnSigtermAndSignsInAgain() throws Exception {
        Path dataDir = tmp.resolve("new/data");
        Path password = passwordFile("correct horse battery staple");

        String author;
        try (NodeProcess node = start("--data-dir", dataDir.toString(), "--nickname", "Alice",
                "--password-file", password.toString())) {
            Matcher ready = ready(node.awaitReady());
            assertThat(ready.group(1)).isEqualTo("Alice");
            author = ready.group(2);
            node.terminate();
            assertThat(node.awaitExit()).isEqualTo(0);
            assertThat(node.remainingStdout()).isEmpty();
            assertThat(node.stderr()).contains(NodeShutdown.STOPPED_MESSAGE);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");

        try (NodeProcess node = start("--data-dir", dataDir.toString(), "--password-file", password.toString())) {
            Matcher ready = ready(node.awaitReady());
            assertThat(ready.group(1)).isEqualTo("Alice");
            assertThat(ready.group(2)).isEqualTo(author);
            node.terminate();
            assertThat(node.awaitExit()).isEqualTo(0);
            assertThat(node.stderr()).doesNotContain(UNCLEAN);
        }
    }

    @Test
    void theApiListensOnLoopbackBehindATokenOnlyTheOwnerCanReadAndTheLinkLineFollowsReady() throws Exception {
        Path dataDir = tmp.resolve("data");

        try (NodeProcess node = start("--data-dir", dataDir.toString(), "--nickname", "Alice",
                "--password-file", passwordFile("pw").toString(), "--api-port", "0", "--print-link")) {
            Matcher api = API.matcher(node.awaitLine());
            assertThat(api.matches()).as("API line").isTrue();
            String author = ready(node.awaitReady()).group(2);
            String linkLine = node.awaitLine();
            assertThat(linkLine).matches(LinkLine.PREFIX + "briar://[a-z2-7]{53}");
            Path tokenFile = Path.of(api.group(2));
            assertThat(tokenFile).isEqualTo(dataDir.resolve(ApiToken.FILE_NAME));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)))
                    .isEqualTo("rw-------");
            String token = Files.readString(tokenFile, UTF_8).trim();

            HttpResponse<String> identity = get(api.group(1) + "/v1/identity", "Bearer " + token);
            assertThat(identity.statusCode()).isEqualTo(200);
            assertThat(identity.body()).isEqualTo("{\"nickname\":\"Alice\",\"authorId\":\"" + author + "\"}");
            assertThat(get(api.group(1) + "/v1/identity", null).statusCode()).isEqualTo(401);
            assertThat(get(api.group(1) + "/v1/link", "Bearer " + token).body())
                    .isEqualTo("{\"link\":\"" + linkLine.substring(LinkLine.PREFIX.length()) + "\"}");

            node.terminate();
            assertThat(node.awaitExit()).isEqualTo(0);
            assertThat(node.stderr()).contains(NodeShutdown.STOPPED_MESSAGE);
        }
    }

    private static HttpResponse<String> get(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(NodeProcess.TIMEOUT_SECONDS));
        if (authorization != null) request.header("Authorization", authorization);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    }

    @Test
    void aWrongPasswordExitsWith3AndLeavesTheKeyFilesAlone() throws Exception {
        Path dataDir = tmp.resolve("data");
        createAccount(dataDir, passwordFile("right"));
        byte[] keyFile = Files.readAllBytes(dataDir.resolve("db.key"));
        byte[] backup = Files.readAllBytes(dataDir.resolve("db.key.bak"));

        try (NodeProcess node = start("--data-dir", dataDir.toString(), "--password-file",
                passwordFile("wrong").toString())) {
            assertThat(node.awaitExit()).isEqualTo(3);
            assertThat(node.remainingStdout()).isEmpty();
            assertThat(node.stderr()).contains("thicket-node: Wrong password");
        }
        assertThat(Files.readAllBytes(dataDir.resolve("db.key"))).isEqualTo(keyFile);
        assertThat(Files.readAllBytes(dataDir.resolve("db.key.bak"))).isEqualTo(backup);
    }

    @Test
    void theAccountSurvivesKillMinus9() throws Exception {
        Path dataDir = tmp.resolve("data");
        Path password = passwordFile("pw");

        String author;
        try (NodeProcess node = start("--data-dir", dataDir.toString(), "--nickname", "Bob",
                "--password-file", password.toString())) {
            author = ready(node.awaitReady()).group(2);
            node.kill();
            node.awaitExit();
            assertThat(node.stderr()).doesNotContain(NodeShutdown.STOPPED_MESSAGE);
        }

        try (NodeProcess node = start("--data-dir", dataDir.toString(), "--password-file", password.toString())) {
            Matcher ready = ready(node.awaitReady());
            assertThat(ready.group(1)).isEqualTo("Bob");
            assertThat(ready.group(2)).isEqualTo(author);
            assertThat(node.stderr()).contains(UNCLEAN);
            node.terminate();
            assertThat(node.awaitExit()).isEqualTo(0);
        }
    }

    @Test
    void stopsCleanlyWhenStdinEndsIfAsked() throws Exception {
        try (NodeProcess node = start("--data-dir", tmp.resolve("data").toString(), "--nickname", "Carol",
                "--password-file", passwordFile("pw").toString(), "--exit-on-stdin-eof")) {
            node.awaitReady();
            node.closeStdin();
            assertThat(node.awaitExit()).isEqualTo(0);
            assertThat(node.remainingStdout()).isEmpty();
            assertThat(node.stderr()).contains(NodeShutdown.STOPPED_MESSAGE);
        }
    }

    @Test
    void theConsoleAnswersCommandsAndQuitStopsTheNodeCleanly() throws Exception {
        try (NodeProcess node = start("--data-dir", tmp.resolve("data").toString(), "--nickname", "Frank",
                "--password-file", passwordFile("pw").toString(), "--console")) {
            String author = ready(node.awaitReady()).group(2);
            assertThat(node.awaitLine()).contains("type help");
            node.writeLine("me");
            assertThat(node.awaitLine()).isEqualTo("nickname: Frank  author: " + author);
            node.writeLine("bogus");
            assertThat(node.awaitLine()).startsWith("error: Unknown command: bogus");
            node.writeLine("quit");
            assertThat(node.awaitExit()).isEqualTo(0);
            assertThat(node.remainingStdout()).isEmpty();
            assertThat(node.stderr()).contains(NodeShutdown.STOPPED_MESSAGE);
        }
    }

    @Test
    void withoutAnyPasswordSourceItExitsWith2() throws Exception {
        try (NodeProcess node = start("--data-dir", tmp.resolve("data").toString(), "--nickname", "Dave")) {
            assertThat(node.awaitExit()).isEqualTo(2);
            assertThat(node.remainingStdout()).isEmpty();
            assertThat(node.stderr()).contains("thicket-node: No password: give --password-file FILE");
        }
    }

    @Test
    void anUnknownOptionExitsWith2BeforeTouchingTheDisk() throws Exception {
        Path dataDir = tmp.resolve("data");

        try (NodeProcess node = start("--data-dir", dataDir.toString(), "--password", "secret")) {
            assertThat(node.awaitExit()).isEqualTo(2);
            assertThat(node.stderr()).contains("thicket-node: Unknown option: --password").doesNotContain("secret");
        }
        assertThat(dataDir).doesNotExist();
    }

    private void createAccount(Path dataDir, Path password) throws Exception {
        try (NodeProcess node = start("--data-dir", dataDir.toString(), "--nickname", "Eve",
                "--password-file", password.toString(), "--exit-on-stdin-eof")) {
            node.awaitReady();
            node.closeStdin();
            assertThat(node.awaitExit()).isEqualTo(0);
        }
    }

    private NodeProcess start(String... args) throws IOException {
        return NodeProcess.start(tmp.resolve("node-" + ++childCount + ".err"), args);
    }

    private Path passwordFile(String password) throws IOException {
        Path file = Files.createTempFile(tmp, "password", ".txt",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, password + "\n", UTF_8);
        return file;
    }

    private static Matcher ready(String line) {
        Matcher matcher = READY.matcher(line);
        assertThat(matcher.matches()).as("READY line: %s", line).isTrue();
        return matcher;
    }
}
