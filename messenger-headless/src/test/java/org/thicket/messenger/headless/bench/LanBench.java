package org.thicket.messenger.headless.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.thicket.messenger.headless.e2e.Conversations;
import org.thicket.messenger.headless.e2e.HeadlessNode;
import org.thicket.messenger.headless.e2e.InPersonAdding;

/**
 * Sync over LAN on loopback between two headless nodes in child JVMs, added to each other by QR payloads through
 * their APIs. Throughput: {@code count} messages of 1 KiB of text sent from Alice through her API, {@code
 * concurrency} requests at a time, timed from the first send to the last MessageReceived event on Bob's WebSocket.
 * Latency: messages sent one at a time, each after the previous one arrived, timed from the send request to Bob's
 * event; both times are this JVM's clock, so the figure includes Alice's HTTP request and Bob's event stream.
 * Backlog: Bob's node is stopped, Alice writes {@code count} more messages through her API, Bob's node starts again
 * on its data directory; timed on Alice's event stream from ContactConnected (the LAN connection to Bob open) to the
 * last MessageDelivered (Bob stored, validated and acked every message): LAN sync without the API's send path in
 * the measured time.
 *
 * <pre>
 * mvn -B -o -q -pl messenger-headless -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.thicket.messenger.headless.bench.LanBench -Dexec.args="5000 16 300"
 * </pre>
 * Arguments (all optional): messages for throughput (5,000), concurrent requests (16), messages for latency (300).
 */
public final class LanBench {

    private static final int TEXT_BYTES = 1024;
    private static final long WAIT_MS = 300_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** When each text arrived at Bob, by text. */
    private final Map<String, Long> receivedNanos = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int latencyCount = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        useClassPathForChildren();
        new LanBench().run(count, concurrency, latencyCount);
    }

    private void run(int count, int concurrency, int latencyCount) throws Exception {
        Path tmp = Files.createTempDirectory("lan-bench");
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        HeadlessNode alice = null;
        PlainHttpApi aliceApi = null;
        HeadlessNode bob = null;
        WebSocket events = null;
        WebSocket aliceEvents = null;
        try {
            Path password = HeadlessNode.passwordFile(tmp, "bench");
            alice = HeadlessNode.start(tmp.resolve("alice"), "Alice", password, "loopback", tmp.resolve("a.err"));
            bob = HeadlessNode.start(tmp.resolve("bob"), "Bob", password, "loopback", tmp.resolve("b.err"));
            int[] ids = InPersonAdding.addEachOther(alice, bob);
            events = bob.openEvents(new ReceivedListener());
            aliceApi = new PlainHttpApi(alice.baseUrl(), alice.authorizationHeader());

            // Warm-up: the first messages also wait for the two nodes' client-versioning updates.
            Conversations.send(pool, aliceApi, ids[0], i -> text("warm-up", i), 0, 200);
            awaitReceived(200);

            receivedNanos.clear();
            long start = System.nanoTime();
            Conversations.send(pool, aliceApi, ids[0], i -> text("bulk", i), 0, count);
            long sent = System.nanoTime();
            awaitReceived(count);
            long last = receivedNanos.values().stream().max(Comparator.naturalOrder()).orElseThrow();
            double seconds = (last - start) / 1e9;
            System.out.printf("throughput: %d messages of %d B in %.2f s: %.0f msg/s (all sent after %.2f s)%n",
                    count, TEXT_BYTES, seconds, count / seconds, (sent - start) / 1e9);

            receivedNanos.clear();
            long[] latencies = new long[latencyCount];
            long[] requests = new long[latencyCount];
            for (int i = 0; i < latencyCount; i++) {
                String text = text("latency", i);
                long before = System.nanoTime();
                Conversations.sendOne(aliceApi, ids[0], text);
                requests[i] = System.nanoTime() - before;
                awaitReceived(i + 1);
                latencies[i] = receivedNanos.get(text) - before;
            }
            Arrays.sort(latencies);
            Arrays.sort(requests);
            System.out.printf("latency, one at a time (%d): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", latencyCount,
                    percentile(latencies, 50), percentile(latencies, 99), latencies[latencyCount - 1] / 1e6);
            System.out.printf("  of which the send request: p50 %.1f ms, p99 %.1f ms%n", percentile(requests, 50),
                    percentile(requests, 99));

            int earlier = 200 + count + latencyCount;
            awaitDelivered(alice, ids[0], earlier);
            DeliveredListener delivered = new DeliveredListener();
            aliceEvents = alice.openEvents(delivered);
            events.abort();
            bob.close();
            Conversations.send(pool, aliceApi, ids[0], i -> text("backlog", i), 0, count);
            long restart = System.nanoTime();
            bob = HeadlessNode.start(tmp.resolve("bob"), null, password, "loopback", tmp.resolve("b2.err"));
            delivered.await(count);
            double syncSeconds = (delivered.last - delivered.connected) / 1e9;
            System.out.printf("backlog: %d messages written while Bob was offline; Bob's restart to the LAN connection"
                    + " %.2f s, then all acked in %.2f s: %.0f msg/s%n", count, (delivered.connected - restart) / 1e9,
                    syncSeconds, count / syncSeconds);
        } finally {
            if (aliceEvents != null) aliceEvents.abort();
            if (events != null) events.abort();
            pool.shutdownNow();
            if (aliceApi != null) aliceApi.close();
            if (alice != null) alice.close();
            if (bob != null) bob.close();
            deleteQuietly(tmp);
        }
    }

    /** A text of exactly {@link #TEXT_BYTES} ASCII bytes, unique by series and number. */
    private static String text(String series, int i) {
        String head = series + " #" + i + " ";
        return head + "x".repeat(TEXT_BYTES - head.length());
    }

    private void awaitReceived(int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (receivedNanos.size() < count) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("Only " + receivedNanos.size() + " of " + count + " arrived");
            }
            Thread.sleep(1);
        }
    }

    /** Waits until Alice's conversation shows all {@code sent} of her messages delivered. */
    private static void awaitDelivered(HeadlessNode alice, int contactId, int sent) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        Conversations.Tally tally = Conversations.tally(alice, contactId);
        while (tally.sentDelivered() < sent) {
            if (System.currentTimeMillis() > deadline) throw new IllegalStateException("Not all delivered: " + tally);
            Thread.sleep(250);
            tally = Conversations.tally(alice, contactId);
        }
    }

    private static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** Hands each whole event on a stream to {@link #onEvent}, stamped with when it arrived. */
    private abstract static class EventStamps implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long now = System.nanoTime();
                try {
                    onEvent(JSON.readTree(partial.toString()), now);
                } catch (Exception e) {
                    System.err.println("Not an event: " + e);
                }
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        abstract void onEvent(JsonNode event, long nanos);
    }

    /** Notes when each MessageReceived event arrived. */
    private final class ReceivedListener extends EventStamps {

        @Override
        void onEvent(JsonNode event, long nanos) {
            if (event.path("name").asText().equals("MessageReceived")) {
                receivedNanos.putIfAbsent(event.get("data").get("text").asText(), nanos);
            }
        }
    }

    /** On Alice's stream: when the connection to Bob opened, and when the last of the expected acks came. */
    private static final class DeliveredListener extends EventStamps {

        private final AtomicInteger count = new AtomicInteger();
        private volatile long connected;
        private volatile long last;

        @Override
        void onEvent(JsonNode event, long nanos) {
            String name = event.path("name").asText();
            if (name.equals("ContactConnected") && connected == 0) connected = nanos;
            if (name.equals("MessageDelivered")) {
                last = nanos;
                count.incrementAndGet();
            }
        }

        void await(int expected) throws InterruptedException {
            long deadline = System.currentTimeMillis() + WAIT_MS;
            while (count.get() < expected || connected == 0) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("Only " + count.get() + " of " + expected + " delivered");
                }
                Thread.sleep(1);
            }
        }
    }

    /**
     * Under exec:java the project's class path is a class loader's, not java.class.path, which child JVMs are
     * started with; this makes them the same.
     */
    private static void useClassPathForChildren() throws URISyntaxException {
        if (!(Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader)) return;
        List<String> entries = new ArrayList<>();
        for (URL url : loader.getURLs()) entries.add(Path.of(url.toURI()).toString());
        System.setProperty("java.class.path", String.join(File.pathSeparator, entries));
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            System.err.println("Could not delete " + dir + ": " + e);
        }
    }
}
