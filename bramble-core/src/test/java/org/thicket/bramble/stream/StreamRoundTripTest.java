package org.thicket.bramble.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thicket.bramble.stream.StreamTesting.fixedWriter;
import static org.thicket.bramble.stream.StreamTesting.readAll;
import static org.thicket.bramble.stream.StreamTesting.reader;
import static org.thicket.bramble.stream.api.StreamConstants.MAX_FRAME_LENGTH;
import static org.thicket.bramble.stream.api.StreamConstants.MAX_PAYLOAD_LENGTH;
import static org.thicket.bramble.stream.api.StreamConstants.STREAM_HEADER_LENGTH;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.thicket.bramble.stream.StreamTesting.FrameInfo;
import org.thicket.bramble.stream.StreamTesting.ReadResult;
import org.thicket.bramble.stream.api.FramePadding;

/**
 * Write and read back payloads of the sizes around the frame boundary and larger, written in random pieces with
 * flushes at random points, under both paddings, and check the frames on the wire.
 */
class StreamRoundTripTest {

    private static final int[] SIZES = {0, 1, 987, 988, 989, 5000, 100_000};

    @ParameterizedTest
    @EnumSource(FramePadding.class)
    void writesAndReadsEverySizeInOneWrite(FramePadding padding) throws Exception {
        for (int size : SIZES) {
            byte[] payload = payload(size, size);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            StreamWriterImpl writer = fixedWriter(out, padding);
            writer.write(payload);
            writer.sendEndOfStream();

            assertRoundTrip(out.toByteArray(), payload, padding, "size " + size);
            // One write, no flush: full frames, then the rest in the final frame.
            assertThat(StreamTesting.frames(out.toByteArray())).as("size " + size)
                    .hasSize(size / MAX_PAYLOAD_LENGTH + 1);
        }
    }

    @ParameterizedTest
    @EnumSource(FramePadding.class)
    void writesAndReadsEverySizeInRandomPiecesWithRandomFlushes(FramePadding padding) throws Exception {
        for (int size : SIZES) {
            for (int seed = 0; seed < 5; seed++) {
                Random random = new Random(31L * size + seed);
                byte[] payload = payload(size, seed);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                StreamWriterImpl writer = fixedWriter(out, padding);
                writeInPieces(writer, payload, random);
                writer.sendEndOfStream();

                assertRoundTrip(out.toByteArray(), payload, padding, "size " + size + ", seed " + seed);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(FramePadding.class)
    void aFlushWithNothingPendingSendsAnEmptyFrame(FramePadding padding) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamWriterImpl writer = fixedWriter(out, padding);
        writer.flush();
        writer.flush();
        writer.write(7);
        writer.sendEndOfStream();

        List<FrameInfo> frames = StreamTesting.frames(out.toByteArray());
        assertThat(frames).extracting(FrameInfo::payloadLength).containsExactly(0, 0, 1);
        assertThat(frames).extracting(FrameInfo::isFinal).containsExactly(false, false, true);
        assertRoundTrip(out.toByteArray(), new byte[] {7}, padding, "keepalives");
    }

    private static void writeInPieces(StreamWriterImpl writer, byte[] payload, Random random) throws IOException {
        int offset = 0;
        while (offset < payload.length) {
            int piece = Math.min(payload.length - offset, random.nextInt(3000) + 1);
            if (piece == 1 && random.nextBoolean()) {
                writer.write(payload[offset]);
            } else {
                writer.write(payload, offset, piece);
            }
            offset += piece;
            if (random.nextInt(5) == 0) writer.flush();
        }
    }

    private static void assertRoundTrip(byte[] stream, byte[] payload, FramePadding padding, String what)
            throws Exception {
        for (int chunk : new int[] {1, 700, 4096}) {
            ReadResult result = readAll(reader(stream), chunk);
            assertThat(result.failure()).as(what).isNull();
            assertThat(result.plaintext()).as(what).isEqualTo(payload);
        }
        assertFramesOnTheWire(stream, payload.length, padding, what);
    }

    /** Frames tile the stream, only the last is final, and their lengths are what the padding promises. */
    private static void assertFramesOnTheWire(byte[] stream, int payloadLength, FramePadding padding, String what)
            throws Exception {
        List<FrameInfo> frames = StreamTesting.frames(stream);
        int end = STREAM_HEADER_LENGTH;
        int payloadSum = 0;
        for (int i = 0; i < frames.size(); i++) {
            FrameInfo frame = frames.get(i);
            assertThat(frame.start()).as(what).isEqualTo(end);
            assertThat(frame.isFinal()).as(what).isEqualTo(i == frames.size() - 1);
            assertThat(frame.length()).as(what).isLessThanOrEqualTo(MAX_FRAME_LENGTH);
            if (padding == FramePadding.NONE) {
                assertThat(frame.paddingLength()).as(what).isZero();
            } else {
                assertThat(frame.length()).as(what).isIn(64, 128, 256, 512, 1024);
            }
            end = frame.end();
            payloadSum += frame.payloadLength();
        }
        assertThat(end).as(what).isEqualTo(stream.length);
        assertThat(payloadSum).as(what).isEqualTo(payloadLength);
    }

    private static byte[] payload(int size, int seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }
}
