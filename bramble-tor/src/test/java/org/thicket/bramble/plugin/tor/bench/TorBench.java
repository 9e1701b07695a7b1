package org.thicket.bramble.plugin.tor.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.Plugin;
import org.thicket.bramble.plugin.tor.TorTestNode;
import org.thicket.bramble.plugin.tor.privnet.PrivateTorNetwork;

/**
 * Tor transport timings on a private Tor network on loopback: how long from starting a plugin (a tor launch with a
 * saved onion key) until another device's plugin can open a connection to its onion, and the round-trip time of a
 * small echo over an open onion connection. Arguments: restarts (default 3), echo round trips (default 200).
 */
public final class TorBench {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int MESSAGE_SIZE = 64;

    private TorBench() {
    }

    public static void main(String[] args) throws Exception {
        int restarts = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int roundTrips = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path tor = PrivateTorNetwork.findTor();
        if (tor == null) throw new IllegalStateException("Needs tor and tor-gencert (apt-get install tor)");
        ExecutorService io = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "bench-io");
            thread.setDaemon(true);
            return thread;
        });
        long t0 = System.nanoTime();
        try (PrivateTorNetwork network = PrivateTorNetwork.start(tor)) {
            System.out.printf("private network (1 authority + 4 relays) ready: %d ms%n", ms(t0));
            // Inside the network's directory, which closing the network deletes.
            Path dir = network.directory();
            TorTestNode alice = new TorTestNode(dir.resolve("alice"), tor, network.clientTorrcLines(), io);
            TorTestNode bob = new TorTestNode(dir.resolve("bob"), tor, network.clientTorrcLines(), io);
            try {
                bob.start();
                check(bob.awaitState(Plugin.State.ACTIVE, TIMEOUT), "Bob active");
                for (int run = 0; run <= restarts; run++) {
                    measureStart(alice, bob, run == 0 ? "first start (new key)" : "restart " + run + " (saved key)");
                    if (run < restarts) alice.stop();
                }
                measureEcho(alice, bob, roundTrips);
            } finally {
                alice.stop();
                bob.stop();
            }
        } finally {
            io.shutdownNow();
            io.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static void measureStart(TorTestNode alice, TorTestNode bob, String label) throws Exception {
        long start = System.nanoTime();
        alice.start();
        long launched = ms(start);
        check(alice.awaitState(Plugin.State.ACTIVE, TIMEOUT), "Alice active");
        long active = ms(start);
        DuplexTransportConnection connection = bob.connect(alice.localProperties(), TIMEOUT);
        check(connection != null, "Bob reached Alice");
        long reachable = ms(start);
        connection.close(false);
        DuplexTransportConnection incoming = alice.awaitIncoming(TIMEOUT);
        if (incoming != null) incoming.close(false);
        System.out.printf("%s: start() returned %d ms, ACTIVE %d ms, onion reachable from Bob %d ms%n", label,
                launched, active, reachable);
    }

    private static void measureEcho(TorTestNode alice, TorTestNode bob, int roundTrips) throws Exception {
        DuplexTransportConnection client = bob.connect(alice.localProperties(), TIMEOUT);
        check(client != null, "Bob reached Alice");
        DuplexTransportConnection server = alice.awaitIncoming(TIMEOUT);
        check(server != null, "Alice accepted");
        Thread echo = new Thread(() -> echo(server, roundTrips + 10), "bench-echo");
        echo.setDaemon(true);
        echo.start();
        OutputStream out = client.getWriter().getOutputStream();
        InputStream in = client.getReader().getInputStream();
        byte[] message = new byte[MESSAGE_SIZE];
        for (int i = 0; i < 10; i++) roundTrip(out, in, message);
        long[] micros = new long[roundTrips];
        for (int i = 0; i < roundTrips; i++) {
            long start = System.nanoTime();
            roundTrip(out, in, message);
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        client.close(false);
        echo.join(10_000);
        Arrays.sort(micros);
        System.out.printf("echo of %d bytes, %d round trips after 10 warm-up: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                MESSAGE_SIZE, roundTrips, percentile(micros, 50) / 1000.0, percentile(micros, 99) / 1000.0,
                micros[micros.length - 1] / 1000.0);
    }

    private static void roundTrip(OutputStream out, InputStream in, byte[] message) throws IOException {
        out.write(message);
        out.flush();
        if (in.readNBytes(message.length).length != message.length) throw new IOException("Echo ended early");
    }

    private static void echo(DuplexTransportConnection server, int messages) {
        try {
            InputStream in = server.getReader().getInputStream();
            OutputStream out = server.getWriter().getOutputStream();
            for (int i = 0; i < messages; i++) {
                byte[] message = in.readNBytes(MESSAGE_SIZE);
                if (message.length < MESSAGE_SIZE) return;
                out.write(message);
                out.flush();
            }
        } catch (IOException e) {
            System.err.println("echo ended: " + e.getMessage());
        } finally {
            try {
                server.close(false);
            } catch (IOException e) {
                System.err.println("closing the echo side failed: " + e.getMessage());
            }
        }
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void check(boolean condition, String what) {
        if (!condition) throw new IllegalStateException("Failed: " + what);
    }

}
