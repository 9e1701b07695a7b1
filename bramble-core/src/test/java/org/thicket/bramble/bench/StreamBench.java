package org.thicket.bramble.bench;

import static org.thicket.bramble.stream.api.StreamConstants.MAX_PAYLOAD_LENGTH;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Random;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.crypto.CryptoModule;
import org.thicket.bramble.crypto.api.AuthenticatedCipher;
import org.thicket.bramble.crypto.api.DecryptionException;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.stream.StreamModule;
import org.thicket.bramble.stream.api.FramePadding;
import org.thicket.bramble.stream.api.StreamContext;
import org.thicket.bramble.stream.api.StreamReaderFactory;
import org.thicket.bramble.stream.api.StreamWriter;
import org.thicket.bramble.stream.api.StreamWriterFactory;
import org.thicket.bramble.stream.api.TagEncoder;

/**
 * BTP throughput against the raw cipher, and what frame padding costs. Not a test: run it with
 * {@code mvn -B -o -q -pl bramble-core test-compile exec:java -Dexec.skip=false -Dexec.classpathScope=test
 * -Dexec.mainClass=org.thicket.bramble.bench.StreamBench} (the parent POM sets exec.skip=true). Optional
 * arguments: MiB per pass (default 64), measured passes (default 7).
 *
 * <p>"raw" seals and opens 988-byte frames (a full frame's payload) with the injected AuthenticatedCipher, one key
 * and nonce, into preallocated arrays: the cipher's own cost with nothing around it. "stream" writes the payload
 * through a StreamWriter in 16 KiB writes into an in-memory buffer and reads it back through a StreamReader in
 * 16 KiB reads; MB/s counts payload bytes. Seal+open and write+read are the like-for-like pair: both encrypt and
 * decrypt every payload byte once, and the stream adds the frame headers' cipher calls, the framing and the copies
 * at either end.
 */
public final class StreamBench {

    private static final int CHUNK = 16 * 1024;
    private static final int WARM_UP_ITERATIONS = 2;
    private static final double MB = 1_000_000.0;

    private final Injector padded = Guice.createInjector(new CryptoModule(), new StreamModule());
    private final Injector unpadded = Guice.createInjector(Modules.override(new CryptoModule(), new StreamModule())
            .with(b -> b.bind(FramePadding.class).toInstance(FramePadding.NONE)));
    private final AuthenticatedCipher cipher = padded.getInstance(AuthenticatedCipher.class);
    private final SecretKey key = new SecretKey(new byte[32]);
    private final StreamContext context = new StreamContext(new ContactId(1), null,
            new TransportId("org.briarproject.bramble.lan"), key, key, 1, false);
    private final byte[] payload;
    private final int iterations;

    private StreamBench(int mebibytes, int iterations) {
        this.payload = new byte[mebibytes * 1024 * 1024];
        new Random(1).nextBytes(payload);
        this.iterations = iterations;
        this.wire = new Wire(payload.length + payload.length / 16);
    }

    public static void main(String[] args) throws Exception {
        int mebibytes = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        new StreamBench(mebibytes, iterations).run();
    }

    /**
     * The raw cipher's seal+open against a BTP stream's write+read with the app's default padding, interleaved: the
     * first figures of the sync benchmark, so that one run reports all three.
     */
    public static void compareRoundTrips(int mebibytes, int iterations) throws Exception {
        StreamBench bench = new StreamBench(mebibytes, iterations);
        bench.compare("raw seal+open", bench::rawRoundTrip, "stream write+read (POWER_OF_TWO)",
                () -> bench.streamRoundTrip(bench.padded));
    }

    private void run() throws Exception {
        System.out.printf("BTP stream benchmark: %d MiB per pass, %d warm-up and %d measured passes of each side, "
                        + "the two sides of a pair interleaved so that they share the machine's load; MB/s = 10^6 "
                        + "payload bytes per second%n", payload.length >> 20, WARM_UP_ITERATIONS, iterations);
        System.out.printf("JVM %s %s, %d processors%n%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

        compare("raw seal", this::rawSeal, "stream write (NONE)", () -> streamWrite(unpadded));
        compare("raw open", this::rawOpen, "stream read", this::streamRead);
        compare("raw seal+open", this::rawRoundTrip, "stream write+read (NONE)", () -> streamRoundTrip(unpadded));
        compare("raw seal+open", this::rawRoundTrip, "stream write+read (POWER_OF_TWO)",
                () -> streamRoundTrip(padded));
        paddingCost();
    }

    private interface Pass {
        /** Moves the whole payload once and returns a value that depends on the work, so it is not optimised away. */
        long run() throws Exception;
    }

    /** Runs the two passes alternately and reports each one's best and median rate and the median of B/A. */
    private void compare(String nameA, Pass a, String nameB, Pass b) throws Exception {
        long sink = 0;
        for (int i = 0; i < WARM_UP_ITERATIONS; i++) sink += a.run() + b.run();
        double[] ratesA = new double[iterations];
        double[] ratesB = new double[iterations];
        double[] ratios = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            sink += a.run();
            long middle = System.nanoTime();
            sink += b.run();
            long end = System.nanoTime();
            ratesA[i] = rate(middle - start);
            ratesB[i] = rate(end - middle);
            ratios[i] = ratesB[i] / ratesA[i];
        }
        System.out.printf("%-34s best %6.1f median %6.1f MB/s | %-34s best %6.1f median %6.1f MB/s | "
                        + "B/A median %.2f (range %.2f-%.2f)%s%n", nameA, max(ratesA), median(ratesA), nameB,
                max(ratesB), median(ratesB), median(ratios), min(ratios), max(ratios), sink == 42 ? " " : "");
    }

    private double rate(long nanos) {
        return payload.length / MB / (nanos / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private long rawSeal() {
        byte[] nonce = new byte[24];
        byte[] sealed = new byte[MAX_PAYLOAD_LENGTH + AuthenticatedCipher.MAC_LENGTH];
        long sink = 0;
        for (int off = 0; off + MAX_PAYLOAD_LENGTH <= payload.length; off += MAX_PAYLOAD_LENGTH) {
            cipher.encrypt(key, nonce, payload, off, MAX_PAYLOAD_LENGTH, sealed, 0);
            sink += sealed[0];
        }
        return sink;
    }

    private final byte[] sealedFrame = new byte[MAX_PAYLOAD_LENGTH + AuthenticatedCipher.MAC_LENGTH];

    private long rawOpen() throws DecryptionException {
        byte[] nonce = new byte[24];
        cipher.encrypt(key, nonce, payload, 0, MAX_PAYLOAD_LENGTH, sealedFrame, 0);
        byte[] opened = new byte[MAX_PAYLOAD_LENGTH];
        long sink = 0;
        for (int off = 0; off + MAX_PAYLOAD_LENGTH <= payload.length; off += MAX_PAYLOAD_LENGTH) {
            cipher.decrypt(key, nonce, sealedFrame, 0, sealedFrame.length, opened, 0);
            sink += opened[off % MAX_PAYLOAD_LENGTH];
        }
        return sink;
    }

    private long rawRoundTrip() throws DecryptionException {
        byte[] nonce = new byte[24];
        byte[] sealed = new byte[MAX_PAYLOAD_LENGTH + AuthenticatedCipher.MAC_LENGTH];
        byte[] opened = new byte[MAX_PAYLOAD_LENGTH];
        long sink = 0;
        for (int off = 0; off + MAX_PAYLOAD_LENGTH <= payload.length; off += MAX_PAYLOAD_LENGTH) {
            cipher.encrypt(key, nonce, payload, off, MAX_PAYLOAD_LENGTH, sealed, 0);
            cipher.decrypt(key, nonce, sealed, 0, sealed.length, opened, 0);
            sink += opened[0];
        }
        return sink;
    }

    /** The in-memory wire, reused between passes so that growing it is not measured; read in place. */
    private static final class Wire extends ByteArrayOutputStream {

        Wire(int capacity) {
            super(capacity);
        }

        InputStream reader() {
            return new ByteArrayInputStream(buf, 0, count);
        }
    }

    private final Wire wire;
    private final byte[] readBuffer = new byte[CHUNK];
    private byte[] written;

    private long streamWrite(Injector injector) throws IOException {
        wire.reset();
        StreamWriter writer = injector.getInstance(StreamWriterFactory.class).createStreamWriter(wire, context);
        OutputStream out = writer.getOutputStream();
        for (int off = 0; off < payload.length; off += CHUNK) out.write(payload, off, Math.min(CHUNK, payload.length - off));
        writer.sendEndOfStream();
        return wire.size();
    }

    private long streamRead() throws IOException {
        if (written == null) {
            streamWrite(unpadded);
            written = wire.toByteArray();
        }
        return readBack(new ByteArrayInputStream(written));
    }

    private long streamRoundTrip(Injector injector) throws IOException {
        streamWrite(injector);
        return readBack(wire.reader());
    }

    private long readBack(InputStream in) throws IOException {
        in.skipNBytes(TagEncoder.TAG_LENGTH);
        InputStream reader = padded.getInstance(StreamReaderFactory.class).createStreamReader(in, context);
        long total = 0;
        for (int n = reader.read(readBuffer); n != -1; n = reader.read(readBuffer)) total += n;
        if (total != payload.length) throw new IllegalStateException("Read " + total + " of " + payload.length);
        return total + readBuffer[0];
    }

    /** Bytes on the wire and throughput with and without padding, for bulk transfer and for flushed records. */
    private void paddingCost() throws Exception {
        System.out.println("Padding cost (stream bytes on the wire / payload bytes):");
        Random random = new Random(7);
        // Small acks and offers up to the largest record (48 KiB + 4), and small records alone.
        int[] recordSizes = logUniformSizes(random, 4, 48 * 1024 + 4);
        int[] smallSizes = logUniformSizes(random, 4, 1000);
        for (FramePadding padding : FramePadding.values()) {
            Injector injector = padding == FramePadding.NONE ? unpadded : padded;
            long bulk = streamWrite(injector);
            long[] records = flushedRecords(injector, recordSizes);
            long[] small = flushedRecords(injector, smallSizes);
            System.out.printf("  %-12s bulk %.4f   records of 4 B to 48 KiB, each flushed %.4f   records of 4 B "
                            + "to 1,000 B, each flushed %.4f%n", padding, (double) bulk / payload.length,
                    (double) records[0] / records[1], (double) small[0] / small[1]);
        }
        compare("flushed records w+r (NONE)", () -> recordRoundTrip(unpadded, recordSizes),
                "flushed records w+r (POWER_OF_TWO)", () -> recordRoundTrip(padded, recordSizes));
    }

    /** 20,000 sizes whose logarithms are uniform between those of {@code min} and {@code max}. */
    private static int[] logUniformSizes(Random random, int min, int max) {
        int[] sizes = new int[20_000];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = (int) Math.round(Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min))));
        }
        return sizes;
    }

    /** Writes records of the given sizes, flushing after each; returns {wire bytes, payload bytes}. */
    private long[] flushedRecords(Injector injector, int[] sizes) throws IOException {
        wire.reset();
        StreamWriter writer = injector.getInstance(StreamWriterFactory.class).createStreamWriter(wire, context);
        OutputStream out = writer.getOutputStream();
        long total = 0;
        int off = 0;
        for (int size : sizes) {
            if (off + size > payload.length) off = 0;
            out.write(payload, off, size);
            out.flush();
            off += size;
            total += size;
        }
        writer.sendEndOfStream();
        return new long[] {wire.size(), total};
    }

    /** A pass for compare(): as many flushed records as fit in the payload size, written and read. */
    private long recordRoundTrip(Injector injector, int[] sizes) throws IOException {
        wire.reset();
        StreamWriter writer = injector.getInstance(StreamWriterFactory.class).createStreamWriter(wire, context);
        OutputStream out = writer.getOutputStream();
        long total = 0;
        for (int i = 0; total < payload.length; i = (i + 1) % sizes.length) {
            int size = (int) Math.min(sizes[i], payload.length - total);
            out.write(payload, (int) total, size);
            out.flush();
            total += size;
        }
        writer.sendEndOfStream();
        return readBack(wire.reader());
    }
}
