package org.thicket.bramble.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.MigrationListener;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.test.CapturingEventBus;

/** A second JVM commits rows and is killed with SIGKILL; every commit it acknowledged must survive. */
class KillDuringWritesTest {

    private static final int COMMITS_BEFORE_KILL = 200;
    private static final long TIMEOUT_SECONDS = 60;
    private static final String END_OF_OUTPUT = "<end of output>";
    private static final String PREFIX = "COMMITTED ";

    @TempDir
    Path tmp;

    @Test
    void everyAcknowledgedCommitSurvivesAKill() throws Exception {
        Path dir = tmp.resolve("db");
        Path keyFile = tmp.resolve("key");
        byte[] keyBytes = TestData.randomBytes(SecretKey.LENGTH);
        Files.write(keyFile, keyBytes);
        Path childErrors = tmp.resolve("child.err");

        Process child = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                KillTestWriter.class.getName(), dir.toString(), keyFile.toString())
                .redirectError(childErrors.toFile())
                .start();
        int lastAcknowledged;
        try {
            BlockingQueue<String> lines = readLinesInBackground(child);
            lastAcknowledged = awaitAcknowledgements(lines, COMMITS_BEFORE_KILL - 1, childErrors);
            child.destroyForcibly();
            assertThat(child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            // Lines the child printed before it died are acknowledgements too.
            lastAcknowledged = drain(lines, lastAcknowledged);
        } finally {
            ProcessHandle.of(child.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }

        DatabaseComponentImpl db = TestData.database(dir, new CapturingEventBus());
        assertThat(db.open(new SecretKey(keyBytes), MigrationListener.NONE)).isFalse();
        assertThat(db.wasClosedCleanlyLastTime()).isFalse();
        int acknowledged = lastAcknowledged;
        db.transaction(true, txn -> {
            for (int n = 0; n <= acknowledged; n++) {
                Message expected = KillTestWriter.body(n);
                assertThat(db.getMessage(txn, expected.getId())).as("row %d", n).isEqualTo(expected.getRaw());
            }
        });
        db.close();
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElseThrow(() -> new AssertionError("No java command"));
    }

    private static BlockingQueue<String> readLinesInBackground(Process child) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) lines.add(line);
            } catch (IOException e) {
                // The stream breaks when the child is killed; the end marker below still follows.
            } finally {
                lines.add(END_OF_OUTPUT);
            }
        }, "kill-test-child-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** Reads acknowledgements until {@code target}, checking they come in order; fails on timeout or early exit. */
    private static int awaitAcknowledgements(BlockingQueue<String> lines, int target, Path childErrors)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        int last = -1;
        while (last < target) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) fail("Only " + (last + 1) + " commits within " + TIMEOUT_SECONDS + " s");
            if (line.equals(END_OF_OUTPUT)) fail("The child ended early: " + Files.readString(childErrors));
            last = parse(line, last);
        }
        return last;
    }

    private static int drain(BlockingQueue<String> lines, int last) throws InterruptedException {
        for (String line = lines.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS); line != null && !line.equals(END_OF_OUTPUT);
                line = lines.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            last = parse(line, last);
        }
        return last;
    }

    private static int parse(String line, int previous) {
        assertThat(line).startsWith(PREFIX);
        int n = Integer.parseInt(line.substring(PREFIX.length()));
        assertThat(n).isEqualTo(previous + 1);
        return n;
    }
}
