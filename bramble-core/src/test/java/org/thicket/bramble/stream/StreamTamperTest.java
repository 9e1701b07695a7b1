package org.thicket.bramble.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thicket.bramble.stream.StreamTesting.fixedWriter;
import static org.thicket.bramble.stream.StreamTesting.readAll;
import static org.thicket.bramble.stream.StreamTesting.reader;
import static org.thicket.bramble.stream.api.StreamConstants.FRAME_HEADER_LENGTH;
import static org.thicket.bramble.stream.api.StreamConstants.STREAM_HEADER_LENGTH;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.stream.StreamTesting.FrameInfo;
import org.thicket.bramble.stream.StreamTesting.ReadResult;
import org.thicket.bramble.stream.api.FramePadding;
import org.thicket.bramble.util.FormatException;

/**
 * Damaged streams. The rule under test: a reader hands out the payload of a frame only once the frame's header
 * and payload have authenticated, so on a damaged stream it returns exactly the payloads of the intact frames
 * before the first damaged or missing byte, then fails with a FormatException; it never reports a clean end.
 */
class StreamTamperTest {

    /** Frames "abc", an empty keepalive, "defgh", then "ij" in the final frame; no tag. */
    private static final String[] PAYLOADS = {"abc", "", "defgh", "ij"};
    private static byte[] stream;
    private static List<FrameInfo> frames;

    @BeforeAll
    static void writeTheStream() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamWriterImpl writer = fixedWriter(out, FramePadding.NONE);
        for (int i = 0; i < PAYLOADS.length; i++) {
            writer.write(PAYLOADS[i].getBytes(StandardCharsets.US_ASCII));
            if (i < PAYLOADS.length - 1) writer.flush();
        }
        writer.sendEndOfStream();
        stream = out.toByteArray();
        frames = StreamTesting.frames(stream);
        assertThat(frames).hasSize(PAYLOADS.length);
        assertThat(readAll(reader(stream), 10).plaintext()).asString(StandardCharsets.US_ASCII).isEqualTo("abcdefghij");
    }

    @Test
    void cutAtEveryPositionFailsAfterTheFramesThatArrivedWhole() {
        for (int cut = 0; cut < stream.length; cut++) {
            byte[] truncated = Arrays.copyOf(stream, cut);
            for (int chunk : new int[] {1, 64}) {
                ReadResult result = readAll(reader(truncated), chunk);
                assertThat(result.failure()).as("cut at " + cut).isInstanceOf(FormatException.class)
                        .hasMessageContaining("truncated");
                assertThat(result.plaintext()).as("cut at " + cut).isEqualTo(payloadOfFramesEndingBy(cut));
            }
        }
    }

    @Test
    void flippingAnyBitAfterTheTagFailsAtTheFrameItHits() {
        for (int position = 0; position < stream.length; position++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] damaged = stream.clone();
                damaged[position] ^= (byte) (1 << bit);
                ReadResult result = readAll(reader(damaged), 64);
                String what = "bit " + bit + " of byte " + position;
                assertThat(result.failure()).as(what).isInstanceOf(FormatException.class);
                assertThat(result.plaintext()).as(what).isEqualTo(payloadOfFramesEndingBy(frameStartOf(position)));
            }
        }
    }

    @Test
    void aFailureIsFinal() throws IOException {
        StreamReaderImpl reader = reader(Arrays.copyOf(stream, stream.length - 1));
        ReadResult result = readAll(reader, 64);
        assertThat(result.failure()).isInstanceOf(FormatException.class);
        assertThatThrownBy(reader::read).isInstanceOf(IOException.class).hasMessageContaining("failed earlier");
        assertThatThrownBy(() -> reader.read(new byte[8])).isInstanceOf(IOException.class);
        reader.close();
    }

    @Test
    void theEndIsFinalAndNothingAfterTheFinalFrameIsRead() throws IOException {
        byte[] withTrailer = Arrays.copyOf(stream, stream.length + 50);
        ByteArrayInputStream in = new ByteArrayInputStream(withTrailer);
        StreamReaderImpl reader = new StreamReaderImpl(in, StreamTesting.CIPHER, StreamTesting.HEADER_KEY,
                StreamTesting.STREAM_NUMBER);
        assertThat(readAll(reader, 3).plaintext()).hasSize(10);
        assertThat(reader.read()).isEqualTo(-1);
        assertThat(reader.read(new byte[5], 0, 5)).isEqualTo(-1);
        assertThat(reader.read(new byte[5], 0, 0)).isZero();
        assertThat(in.available()).isEqualTo(50);
    }

    @Test
    void closingTheWriterWithoutEndingTheStreamIsSeenAsTruncation() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamWriterImpl writer = fixedWriter(out, FramePadding.NONE);
        writer.write(new byte[] {1, 2, 3});
        writer.flush();
        writer.write(new byte[] {4, 5});
        writer.close();

        ReadResult result = readAll(reader(out.toByteArray()), 64);
        assertThat(result.plaintext()).containsExactly(1, 2, 3);
        assertThat(result.failure()).isInstanceOf(FormatException.class).hasMessageContaining("truncated");
    }

    @Test
    void aFailedWriteDoesNotLetTheNextFrameReuseItsNonces() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        OutputStream failsOnce = new FilterOutputStream(wire) {
            private boolean failed;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (!failed) {
                    failed = true;
                    throw new IOException("connection reset");
                }
                wire.write(b, off, len);
            }
        };
        StreamWriterImpl writer = fixedWriter(failsOnce, FramePadding.NONE);
        writer.write(new byte[] {1, 2, 3});
        assertThatThrownBy(writer::flush).hasMessage("connection reset");
        writer.write(new byte[] {4, 5, 6});
        writer.flush();

        byte[] sent = wire.toByteArray();
        byte[] headerNonceOfFrame1 = new byte[24];
        BtpFormat.setFrameNonce(headerNonceOfFrame1, 1, true);
        byte[] header = new byte[4];
        StreamTesting.CIPHER.decrypt(new SecretKey(StreamTesting.FRAME_KEY), headerNonceOfFrame1, sent,
                STREAM_HEADER_LENGTH, FRAME_HEADER_LENGTH, header, 0);
        assertThat(header).containsExactly(0, 3, 0, 0);
        assertThat(readAll(reader(sent), 64).failure()).hasMessageContaining("frame header does not authenticate");
    }

    @Test
    void aWriterThatWroteNothingSendsNothing() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fixedWriter(out, FramePadding.NONE).close();
        assertThat(out.size()).isZero();
    }

    @Test
    void afterTheEndTheWriterRefusesBytesButStillFlushesAndCloses() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamWriterImpl writer = fixedWriter(out, FramePadding.NONE);
        writer.sendEndOfStream();
        int length = out.size();
        assertThatThrownBy(() -> writer.write(1)).isInstanceOf(IOException.class).hasMessageContaining("ended");
        assertThatThrownBy(() -> writer.write(new byte[3])).isInstanceOf(IOException.class);
        assertThatThrownBy(writer::sendEndOfStream).isInstanceOf(IOException.class);
        writer.flush();
        writer.close();
        writer.close();
        assertThat(out.size()).isEqualTo(length);
        assertThatThrownBy(writer::flush).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }

    @Test
    void aReaderForAnotherStreamNumberRejectsTheHeader() {
        StreamReaderImpl reader = new StreamReaderImpl(new ByteArrayInputStream(stream), StreamTesting.CIPHER,
                StreamTesting.HEADER_KEY, StreamTesting.STREAM_NUMBER + 1);
        assertThatThrownBy(reader::read).isInstanceOf(FormatException.class).hasMessageContaining("stream number 5");
    }

    @Test
    void theFrameCounterStopsBeforeItWraps() {
        byte[] nonce = new byte[24];
        BtpFormat.setFrameNonce(nonce, Long.MAX_VALUE, true);
        assertThat(nonce).startsWith(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF);
        BtpFormat.setFrameNonce(nonce, Long.MAX_VALUE, false);
        assertThat(nonce).startsWith(0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF);
        assertThatThrownBy(() -> BtpFormat.setFrameNonce(nonce, Long.MAX_VALUE + 1, false))
                .isInstanceOf(IllegalStateException.class);
    }

    /** The payloads of the frames that lie wholly before {@code end}. */
    private static byte[] payloadOfFramesEndingBy(int end) {
        StringBuilder payload = new StringBuilder();
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).end() <= end) payload.append(PAYLOADS[i]);
        }
        return payload.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The start of the frame holding {@code position}, or 0 within the stream header. */
    private static int frameStartOf(int position) {
        int start = 0;
        for (FrameInfo frame : frames) {
            if (frame.start() <= position) start = frame.start();
        }
        return start;
    }
}
