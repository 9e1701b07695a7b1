package org.thicket.bramble.plugin.tor.privnet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private Tor network on 127.0.0.1 for tests: one directory authority and four relays (guard and HSDir flags voted
 * to all, no exits), keys made at run time with tor-gencert, fast voting (10 s). {@link #start} returns once the
 * relays serve the consensus and every microdescriptor, so a client started then bootstraps in seconds. Every tor is
 * started by us, owned by this JVM (tor exits if the JVM dies) and stopped by its process handle on {@link #close}, or
 * by a shutdown hook that only touches the processes it started.
 */
public final class PrivateTorNetwork implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateTorNetwork.class);

    private static final int RELAYS = 4;
    private static final int VOTING_INTERVAL_S = 10;
    private static final int VOTE_DELAY_S = 2;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration HUP_EVERY = Duration.ofSeconds(3);
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);

    private final Path tor;
    private final Path directory;
    private final List<Process> processes = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::stopProcesses, "private-tor-network-stop");
    private final HttpClient http = HttpClient.newBuilder().proxy(ProxySelector.of(null))
            .connectTimeout(Duration.ofSeconds(2)).build();
    private List<Node> nodes = List.of();
    private String dirAuthorityLine;

    private record Node(String nickname, boolean authority, int orPort, int dirPort, Path dataDirectory) {
    }

    private PrivateTorNetwork(Path tor, Path directory) {
        this.tor = tor;
        this.directory = directory;
    }

    /** The tor binary and tor-gencert to run the network with, or null if this machine lacks either. */
    public static Path findTor() {
        Path tor = onPath("tor");
        return tor != null && onPath("tor-gencert") != null ? tor : null;
    }

    public static Path findTorGencert() {
        return onPath("tor-gencert");
    }

    private static Path onPath(String name) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.add("/usr/sbin");
        dirs.add("/usr/bin");
        for (String dir : dirs) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return candidate;
        }
        return null;
    }

    /** Generates keys and torrcs in a fresh temporary directory, starts the network and waits until it is ready. */
    public static PrivateTorNetwork start(Path tor) throws IOException, InterruptedException {
        PrivateTorNetwork network = new PrivateTorNetwork(tor, Files.createTempDirectory("thicket-tor-net"));
        Runtime.getRuntime().addShutdownHook(network.shutdownHook);
        try {
            network.launch();
            return network;
        } catch (IOException | InterruptedException | RuntimeException e) {
            network.close();
            throw e;
        }
    }

    /** The torrc lines a client tor needs to use this network instead of the real one. */
    public List<String> clientTorrcLines() {
        return List.of("TestingTorNetwork 1", dirAuthorityLine, "UseDefaultFallbackDirs 0",
                "TestingClientMaxIntervalWithoutRequest 1", "PathsNeededToBuildCircuits 0.67", "ClientUseIPv6 0");
    }

    public Path directory() {
        return directory;
    }

    private void launch() throws IOException, InterruptedException {
        Files.createFile(directory.resolve("empty"));
        Files.writeString(directory.resolve("resolv.conf"), "nameserver 127.0.0.1\n");
        int[] ports = freePorts(2 * (1 + RELAYS));
        List<Node> list = new ArrayList<>();
        for (int i = 0; i <= RELAYS; i++) {
            String nickname = i == 0 ? "a0" : "r" + i;
            Path data = directory.resolve(nickname);
            Files.createDirectories(data.resolve("keys"));
            list.add(new Node(nickname, i == 0, ports[2 * i], ports[2 * i + 1], data));
        }
        nodes = List.copyOf(list);
        dirAuthorityLine = makeAuthorityKeys(nodes.get(0));
        for (Node node : nodes) Files.writeString(torrc(node), torrcText(node), StandardCharsets.UTF_8);
        for (Node node : nodes) startTor(node);
        awaitReady();
    }

    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                sockets.add(socket);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) socket.close();
        }
    }

    private String makeAuthorityKeys(Node authority) throws IOException, InterruptedException {
        Path keys = authority.dataDirectory().resolve("keys");
        run(List.of(findTorGencert().toString(), "--create-identity-key", "-m", "12",
                "-a", "127.0.0.1:" + authority.dirPort(),
                "-i", keys.resolve("authority_identity_key").toString(),
                "-s", keys.resolve("authority_signing_key").toString(),
                "-c", keys.resolve("authority_certificate").toString(), "--passphrase-fd", "0"), "\n");
        Path empty = directory.resolve("empty");
        run(List.of(tor.toString(), "--defaults-torrc", empty.toString(), "-f", empty.toString(),
                "--list-fingerprint", "--quiet", "--DataDirectory", authority.dataDirectory().toString(),
                "--ORPort", "127.0.0.1:" + authority.orPort(), "--Nickname", authority.nickname(),
                "--Address", "127.0.0.1"), "");
        String v3ident = field(Files.readString(keys.resolve("authority_certificate")), "fingerprint ");
        String fingerprint = Files.readString(authority.dataDirectory().resolve("fingerprint")).trim().split(" ")[1];
        return "DirAuthority " + authority.nickname() + " orport=" + authority.orPort() + " no-v2 v3ident=" + v3ident
                + " 127.0.0.1:" + authority.dirPort() + " " + fingerprint;
    }

    private static String field(String text, String prefix) throws IOException {
        return text.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).trim())
                .findFirst().orElseThrow(() -> new IOException("No " + prefix.trim() + " in the certificate"));
    }

    private void run(List<String> command, String input) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("tools.log").toFile()).start();
        try {
            process.getOutputStream().write(input.getBytes(StandardCharsets.US_ASCII));
            process.getOutputStream().close();
            if (!process.waitFor(TOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IOException(command.get(0) + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IOException(command.get(0) + " failed; see " + directory.resolve("tools.log"));
            }
        } finally {
            process.destroyForcibly();
        }
    }

    private Path torrc(Node node) {
        return node.dataDirectory().resolve("torrc");
    }

    private String torrcText(Node node) {
        List<String> lines = new ArrayList<>(List.of(
                "TestingTorNetwork 1", dirAuthorityLine, "UseDefaultFallbackDirs 0",
                "DataDirectory " + node.dataDirectory(), "Nickname " + node.nickname(), "RunAsDaemon 0",
                "ShutdownWaitLength 0", "Log notice file " + node.dataDirectory().resolve("notice.log"),
                "SafeLogging 0", "AssumeReachable 1", "PathsNeededToBuildCircuits 0.67",
                "TestingClientMaxIntervalWithoutRequest 1", "ClientUseIPv6 0",
                "GeoIPFile " + directory.resolve("empty"), "GeoIPv6File " + directory.resolve("empty"),
                "__OwningControllerProcess " + ProcessHandle.current().pid(),
                "SocksPort 0", "Address 127.0.0.1", "ORPort 127.0.0.1:" + node.orPort(),
                "DirPort 127.0.0.1:" + node.dirPort(), "ContactInfo " + node.nickname() + "@test.invalid",
                "ExitRelay 0", "ExitPolicy reject *:*",
                "ServerDNSResolvConfFile " + directory.resolve("resolv.conf"), "ServerDNSDetectHijacking 0",
                "MaxConsensusAgeForDiffs 2 minutes"));
        if (node.authority()) {
            // The first vote comes a few seconds after launch instead of at the next 10 s boundary.
            long offset = (Instant.now().getEpochSecond() + 4 + 2 * VOTE_DELAY_S) % VOTING_INTERVAL_S;
            lines.addAll(List.of("AuthoritativeDirectory 1", "V3AuthoritativeDirectory 1",
                    "TestingV3AuthInitialVotingInterval " + VOTING_INTERVAL_S,
                    "TestingV3AuthInitialVoteDelay " + VOTE_DELAY_S, "TestingV3AuthInitialDistDelay " + VOTE_DELAY_S,
                    "V3AuthVotingInterval " + VOTING_INTERVAL_S, "V3AuthVoteDelay " + VOTE_DELAY_S,
                    "V3AuthDistDelay " + VOTE_DELAY_S, "V3AuthNIntervalsValid 2",
                    "TestingV3AuthVotingStartOffset " + offset,
                    "TestingDirAuthVoteGuard *", "TestingDirAuthVoteHSDir *"));
        }
        return String.join("\n", lines) + "\n";
    }

    private void startTor(Node node) throws IOException {
        Path empty = directory.resolve("empty");
        Process process = new ProcessBuilder(tor.toString(), "--defaults-torrc", empty.toString(),
                "-f", torrc(node).toString(), "--quiet").redirectErrorStream(true)
                .redirectOutput(node.dataDirectory().resolve("stdout.log").toFile()).start();
        synchronized (processes) {
            processes.add(process);
        }
    }

    /**
     * Waits until the authority's consensus lists every relay and every relay serves that consensus and all its
     * microdescriptors. Relays that asked before the first consensus back off for a long time; a HUP makes them
     * retry at once.
     */
    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        Instant nextHup = Instant.now().plus(HUP_EVERY);
        while (Instant.now().isBefore(deadline)) {
            checkAlive();
            String consensus = get(nodes.get(0), "/tor/status-vote/current/consensus-microdesc");
            if (consensus != null && count(consensus, "r ") >= nodes.size()) {
                if (relaysServe(consensus)) return;
                if (Instant.now().isAfter(nextHup)) {
                    hupRelays();
                    nextHup = Instant.now().plus(HUP_EVERY);
                }
            }
            Thread.sleep(300);
        }
        throw new IOException("The private Tor network was not ready within " + READY_TIMEOUT + "; logs in "
                + directory);
    }

    private boolean relaysServe(String consensus) throws InterruptedException {
        int relays = count(consensus, "r ");
        String digests = String.join("-", consensus.lines().filter(l -> l.startsWith("m "))
                .map(l -> l.substring(2).trim()).toList());
        for (Node node : nodes) {
            String served = get(node, "/tor/status-vote/current/consensus-microdesc");
            if (served == null || count(served, "r ") < relays) return false;
            String micro = get(node, "/tor/micro/d/" + digests);
            if (micro == null || count(micro, "ntor-onion-key") < relays) return false;
        }
        return true;
    }

    private void hupRelays() throws IOException, InterruptedException {
        List<Process> relays;
        synchronized (processes) {
            relays = List.copyOf(processes.subList(1, processes.size()));
        }
        for (Process relay : relays) {
            if (relay.isAlive()) run(List.of("kill", "-HUP", Long.toString(relay.pid())), "");
        }
    }

    private void checkAlive() throws IOException {
        synchronized (processes) {
            for (Process process : processes) {
                if (!process.isAlive()) throw new IOException("A tor of the private network exited; logs in "
                        + directory);
            }
        }
    }

    private String get(Node node, String path) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.dirPort() + path))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static int count(String text, String linePrefix) {
        return (int) text.lines().filter(l -> l.startsWith(linePrefix)).count();
    }

    /** Stops every tor of the network by its handle and deletes the directory. */
    @Override
    public void close() {
        stopProcesses();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            LOG.debug("Already shutting down");
        }
        deleteRecursively(directory);
    }

    private void stopProcesses() {
        List<Process> started;
        synchronized (processes) {
            started = List.copyOf(processes);
            processes.clear();
        }
        for (Process process : started) process.destroy();
        for (Process process : started) {
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete {}", root, e);
        }
    }
}
