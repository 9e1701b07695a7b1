package org.thicket.messenger.headless;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * thicket-node in a JVM of its own, started the way a script would start it: the password only ever in a file.
 * Standard output is read on a thread of its own into a queue; standard error goes to a file. Every wait is bounded.
 * Public for the end-to-end tests in {@code headless.e2e} and the benchmarks in {@code headless.bench}.
 */
public final class NodeProcess implements AutoCloseable {

    static final long TIMEOUT_SECONDS = 60;
    private static final String END_OF_OUTPUT = "<end of output>";

    private final Process process;
    private final Path stderr;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();

    private NodeProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Thread reader = new Thread(this::readStdout, "node-" + process.pid() + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * The JVM options {@code ./thicket} starts a node with ({@code messenger-headless/jvm.options}): tests and
     * benchmarks run the node as it is released. Maven runs tests in the module's directory, exec:java (the
     * benchmarks) where it was started.
     */
    public static List<String> releasedJvmOptions() throws IOException {
        for (Path file : List.of(Path.of("jvm.options"), Path.of("messenger-headless", "jvm.options"))) {
            if (!Files.isRegularFile(file)) continue;
            return Files.readAllLines(file, UTF_8).stream().map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
        throw new IOException("No jvm.options here or in messenger-headless/");
    }

    /**
     * Starts the node with no transports unless {@code args} choose some: a test node stays off the machine's real
     * network interfaces.
     *
     * @param stderr where the child's standard error goes; must not exist yet
     */
    public static NodeProcess start(Path stderr, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaCommand(),
                "-D" + TestScryptCost.PROPERTY + "=1024",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info"));
        command.addAll(releasedJvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        if (Arrays.stream(args).noneMatch(a -> a.startsWith(Option.TRANSPORTS.flag()))) {
            command.addAll(List.of(Option.TRANSPORTS.flag(), "none"));
        }
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().remove(PasswordSource.ENV_VAR);
        return new NodeProcess(builder.start(), stderr);
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElseThrow(() -> new AssertionError("No java command"));
    }

    private void readStdout() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) stdout.add(line);
        } catch (IOException e) {
            // The pipe breaks when the child is killed; the end marker still follows.
        } finally {
            stdout.add(END_OF_OUTPUT);
        }
    }

    /** Waits for the next line on standard output, which must be the READY line. */
    public String awaitReady() throws Exception {
        String line = awaitLine();
        assertThat(line).startsWith(ReadyLine.PREFIX);
        return line;
    }

    /** Waits for the next line on standard output. */
    public String awaitLine() throws Exception {
        String line = stdout.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (line == null) fail("No line within " + TIMEOUT_SECONDS + " s; stderr:\n" + stderr());
        if (line.equals(END_OF_OUTPUT)) fail("The node ended without a line; stderr:\n" + stderr());
        return line;
    }

    /** Sends SIGTERM, as {@code kill PID} or a service manager does. */
    public void terminate() {
        process.destroy();
    }

    /** Sends SIGKILL: no shutdown hook runs. */
    public void kill() {
        process.destroyForcibly();
    }

    /** Writes one line to the child's standard input, in UTF-8. */
    void writeLine(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(UTF_8));
        process.getOutputStream().flush();
    }

    void closeStdin() throws IOException {
        process.getOutputStream().close();
    }

    public int awaitExit() throws Exception {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            fail("The node did not exit within " + TIMEOUT_SECONDS + " s; stderr:\n" + stderr());
        }
        return process.exitValue();
    }

    /** What standard output still held when the child ended; call after {@link #awaitExit}. */
    List<String> remainingStdout() throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line = stdout.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS); line != null && !line.equals(END_OF_OUTPUT);
                line = stdout.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            lines.add(line);
        }
        return lines;
    }

    public String stderr() throws IOException {
        return Files.exists(stderr) ? Files.readString(stderr, UTF_8) : "";
    }

    /** Makes sure the child is gone, also when a test fails half-way. */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
