package org.thicket.messenger.headless.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.thicket.bramble.plugin.tor.privnet.PrivateTorNetwork;
import org.thicket.messenger.headless.e2e.HeadlessTorNode;

/**
 * Two thicket-node processes on a private Tor network (docs/benchmarks.md, Tor section): the time from both links
 * entered to both nodes listing the contact, and the latency of a message over an open onion connection, from the
 * POST on one node to the MessageReceived event on the other node's WebSocket. Arguments: measured messages (50),
 * warm-up messages (5), BRP polling interval in ms (2000).
 *
 * <pre>
 * mvn -B -o -q -pl messenger-headless -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.thicket.messenger.headless.bench.TorLinksBench -Dexec.args="50 5 2000"
 * </pre>
 */
public final class TorLinksBench {

    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    private TorLinksBench() {
    }

    public static void main(String[] args) throws Exception {
        int measured = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long pollingMs = args.length > 2 ? Long.parseLong(args[2]) : 2000;
        Path tor = PrivateTorNetwork.findTor();
        if (tor == null) throw new IllegalStateException("No tor with tor-gencert (apt-get install tor)");
        Path dir = Files.createTempDirectory("thicket-tor-bench");
        String times = pollingMs + "," + 600_000;
        long t0 = System.nanoTime();
        try (PrivateTorNetwork network = PrivateTorNetwork.start(tor);
                HeadlessTorNode alice = HeadlessTorNode.onPrivateNetwork(network, dir, "Alice", times);
                HeadlessTorNode bob = HeadlessTorNode.onPrivateNetwork(network, dir, "Bob", times)) {
            System.out.printf("private network ready: %.1f s%n", seconds(t0));
            long started = System.nanoTime();
            alice.start();
            bob.start();
            alice.awaitTorActive(TIMEOUT);
            bob.awaitTorActive(TIMEOUT);
            System.out.printf("both nodes started, Tor ACTIVE: %.1f s%n", seconds(started));
            run(alice, bob, measured, warmUp);
        }
        System.out.println("Files (logs): " + dir);
    }

    private static void run(HeadlessTorNode alice, HeadlessTorNode bob, int measured, int warmUp) throws Exception {
        String aliceLink = alice.link();
        String bobLink = bob.link();
        alice.addPendingContact(bobLink, "Bob");
        bob.addPendingContact(aliceLink, "Alice");
        long linksEntered = System.nanoTime();
        int bobAtAlice = alice.awaitOneContact(TIMEOUT);
        double aliceHasContact = seconds(linksEntered);
        int aliceAtBob = bob.awaitOneContact(TIMEOUT);
        System.out.printf("links entered -> contact added: Alice %.1f s, Bob %.1f s%n", aliceHasContact,
                seconds(linksEntered));
        try (HeadlessTorNode.Events bobEvents = bob.events()) {
            long[] latencies = new long[measured];
            for (int i = -warmUp; i < measured; i++) {
                String text = "bench message " + i;
                long sent = System.nanoTime();
                alice.send(bobAtAlice, text);
                long received = awaitMessage(bobEvents, text);
                if (i >= 0) latencies[i] = received - sent;
            }
            Arrays.sort(latencies);
            System.out.printf("message latency, POST on Alice -> MessageReceived on Bob's WebSocket, %d messages: "
                    + "p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", measured, millis(percentile(latencies, 50)),
                    millis(percentile(latencies, 99)), millis(latencies[measured - 1]));
        }
        bob.send(aliceAtBob, "done");
    }

    private static long awaitMessage(HeadlessTorNode.Events events, String text) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            HeadlessTorNode.Events.Received r = events.await("MessageReceived", TIMEOUT);
            JsonNode data = r.event().path("data");
            if (data.path("text").asText().equals(text)) return r.nanoTime();
            seen.add(data.path("text").asText());
        }
        throw new IllegalStateException("Message not received: " + text + "; got " + seen);
    }

    /** Nearest-rank percentile of sorted values. */
    private static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
