package org.thicket.bramble.plugin.lan.netns;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two network namespaces of a test's own, A and B, joined by a veth pair: A has {@link #ADDRESS_A} and B
 * {@link #ADDRESS_B} in {@value #PREFIX_LENGTH}-bit site-local network, and fixed IPv6 link-local addresses
 * ({@link #LINK_LOCAL_A}, {@link #LINK_LOCAL_B}) without duplicate-address detection, so they are usable at once.
 * Each namespace also has its loopback interface up. Commands and child JVMs run inside a namespace through
 * {@code ip netns exec}, which execs the command itself, so a process's PID is the command's.
 * <p>
 * {@link #close} stops every started process by its PID and deletes both namespaces (which deletes the veth pair);
 * {@link #create} does the same if setting up fails half way. Needs root (or CAP_SYS_ADMIN and CAP_NET_ADMIN);
 * {@link #createOrSkip} skips the test when namespaces cannot be made.
 */
public final class NetNamespaces implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NetNamespaces.class);

    public static final String ADDRESS_A = "10.77.0.1";
    public static final String ADDRESS_B = "10.77.0.2";
    public static final int PREFIX_LENGTH = 24;
    public static final String LINK_LOCAL_A = "fe80::a";
    public static final String LINK_LOCAL_B = "fe80::b";

    /** The longest a setup or cleanup command may take. */
    private static final long COMMAND_TIMEOUT_MS = 10_000;

    /** How long a stopped process gets to end before it is killed, and then to be reaped. */
    private static final long STOP_GRACE_MS = 5_000;

    private final String namespaceA;
    private final String namespaceB;
    private final String vethA;
    private final String vethB;
    private final List<String> createdNamespaces = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private boolean vethCreated;

    private NetNamespaces() {
        // Unique per run, so parallel or leftover runs never meet; interface names are at most 15 characters.
        String tag = Long.toHexString(ProcessHandle.current().pid()) + "x"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        namespaceA = "thicket-lan-" + tag + "-a";
        namespaceB = "thicket-lan-" + tag + "-b";
        vethA = shorten("tla" + tag);
        vethB = shorten("tlb" + tag);
    }

    private static String shorten(String name) {
        return name.length() <= 15 ? name : name.substring(0, 15);
    }

    /** Makes both namespaces and the veth pair, or removes what it made and throws. */
    public static NetNamespaces create() throws IOException, InterruptedException {
        NetNamespaces net = new NetNamespaces();
        try {
            net.setUp();
            return net;
        } catch (IOException | InterruptedException | RuntimeException e) {
            net.close();
            throw e;
        }
    }

    /** As {@link #create}, but aborts the calling test, with the reason, if this machine refuses namespaces. */
    public static NetNamespaces createOrSkip() throws IOException, InterruptedException {
        try {
            return create();
        } catch (NamespacesRefused e) {
            Assumptions.abort(e.getMessage());
            throw new AssertionError(e); // not reached: abort throws
        }
    }

    /** The machine cannot make a network namespace: no {@code ip} command, or not allowed. */
    public static final class NamespacesRefused extends IOException {
        private static final long serialVersionUID = 1L;

        NamespacesRefused(String message) {
            super(message);
        }
    }

    public String namespaceA() {
        return namespaceA;
    }

    public String namespaceB() {
        return namespaceB;
    }

    private void setUp() throws IOException, InterruptedException {
        Result first;
        try {
            first = exec(List.of("ip", "netns", "add", namespaceA));
        } catch (IOException e) {
            throw new NamespacesRefused("No `ip` command to make network namespaces: " + e.getMessage());
        }
        if (first.exitCode() != 0) {
            throw new NamespacesRefused("`ip netns add` was refused (it needs root, or CAP_SYS_ADMIN and "
                    + "CAP_NET_ADMIN): " + first.output().strip());
        }
        createdNamespaces.add(namespaceA);
        check("ip", "netns", "add", namespaceB);
        createdNamespaces.add(namespaceB);
        // Made in the root namespace, then moved: if a move fails, close deletes the pair there.
        check("ip", "link", "add", vethA, "type", "veth", "peer", "name", vethB);
        vethCreated = true;
        check("ip", "link", "set", vethA, "netns", namespaceA);
        check("ip", "link", "set", vethB, "netns", namespaceB);
        configure(namespaceA, vethA, ADDRESS_A, LINK_LOCAL_A);
        configure(namespaceB, vethB, ADDRESS_B, LINK_LOCAL_B);
    }

    private void configure(String namespace, String veth, String ipv4, String linkLocal)
            throws IOException, InterruptedException {
        check("ip", "-n", namespace, "link", "set", "lo", "up");
        // No kernel-made link-local address: ours, without duplicate-address detection, is usable at once.
        check("ip", "-n", namespace, "link", "set", veth, "addrgenmode", "none");
        check("ip", "-n", namespace, "addr", "add", ipv4 + "/" + PREFIX_LENGTH, "dev", veth);
        check("ip", "-n", namespace, "-6", "addr", "add", linkLocal + "/64", "dev", veth, "nodad");
        check("ip", "-n", namespace, "link", "set", veth, "up");
    }

    /** Runs a command inside a namespace to its end, bounded, and returns its exit code and output. */
    public Result run(String namespace, List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(command);
        return exec(full);
    }

    /**
     * Starts a command inside a namespace, its standard output and error going to the given files. The process is
     * stopped by {@link #close} if it is still running.
     */
    public Process start(String namespace, List<String> command, Path stdout, Path stderr) throws IOException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        processes.add(process);
        return process;
    }

    /** Starts {@code main} in a child JVM inside a namespace, with this JVM's class path. */
    public Process startJava(String namespace, Class<?> main, List<String> args, Path stdout, Path stderr)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                main.getName()));
        command.addAll(args);
        return start(namespace, command, stdout, stderr);
    }

    /** Stops every process by its PID, then deletes the namespaces and the veth pair. Never throws. */
    @Override
    public void close() {
        for (Process process : processes) stop(process);
        processes.clear();
        for (String namespace : createdNamespaces) quietly("ip", "netns", "del", namespace);
        createdNamespaces.clear();
        // Gone with its namespace once moved there; still in the root namespace only if a move failed.
        if (vethCreated) quietlyIfPresent(vethA);
        vethCreated = false;
    }

    private static void stop(Process process) {
        try {
            if (!process.isAlive()) return;
            process.destroy();
            if (!process.waitFor(STOP_GRACE_MS, MILLISECONDS)) {
                LOG.warn("Process {} ignored SIGTERM; killing it", process.pid());
                process.destroyForcibly();
                process.waitFor(STOP_GRACE_MS, MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void quietlyIfPresent(String link) {
        try {
            if (exec(List.of("ip", "link", "show", link)).exitCode() == 0) quietly("ip", "link", "del", link);
        } catch (IOException | InterruptedException e) {
            LOG.warn("Could not check for leftover link {}", link, e);
        }
    }

    private void quietly(String... command) {
        try {
            Result result = exec(List.of(command));
            if (result.exitCode() != 0) LOG.warn("{} failed: {}", String.join(" ", command), result.output());
        } catch (IOException | InterruptedException e) {
            LOG.warn("{} failed", String.join(" ", command), e);
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
        }
    }

    private void check(String... command) throws IOException, InterruptedException {
        Result result = exec(List.of(command));
        if (result.exitCode() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + result.exitCode() + ": "
                    + result.output().strip());
        }
    }

    /** Runs a command in this namespace to its end, killing it (by PID) if it overruns. */
    private Result exec(List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("netns-", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(COMMAND_TIMEOUT_MS, MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_GRACE_MS, MILLISECONDS);
                throw new IOException(String.join(" ", command) + " took over " + COMMAND_TIMEOUT_MS + " ms");
            }
            return new Result(process.exitValue(), Files.readString(output, UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** How a command ended: its exit code, and its standard output and error together. */
    public record Result(int exitCode, String output) {
    }
}
