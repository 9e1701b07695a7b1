package org.thicket.bramble.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thicket.bramble.stream.StreamTesting.CIPHER;
import static org.thicket.bramble.stream.StreamTesting.readAll;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.stream.StreamTesting.ReadResult;
import org.thicket.bramble.stream.api.FramePadding;
import org.thicket.bramble.stream.api.StreamConstants;
import org.thicket.bramble.stream.api.TagEncoder;
import org.thicket.bramble.test.Vectors;
import org.thicket.bramble.util.FormatException;

/** specs/vectors/btp-streams.json, computed by the Python generator: the writer's exact bytes and the reader's verdicts. */
class StreamVectorsTest {

    private static final List<JsonNode> VECTORS = Vectors.load("btp-streams");

    @Test
    void theWriterProducesExactlyTheStreamVectors() throws IOException {
        for (JsonNode v : vectorsOfKind("stream")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            StreamWriterImpl writer = writerFor(v, out);
            for (JsonNode frame : v.get("frames")) {
                byte[] payload = Vectors.hex(frame, "payloadHex");
                writer.write(payload);
                if (frame.get("final").asBoolean()) {
                    writer.sendEndOfStream();
                } else if (payload.length < StreamConstants.MAX_PAYLOAD_LENGTH) {
                    writer.flush();
                }
            }
            assertThat(out.toByteArray()).as(v.get("name").asText()).isEqualTo(Vectors.hex(v, "streamHex"));
        }
    }

    @Test
    void theReaderReadsTheStreamVectorsBack() {
        for (JsonNode v : vectorsOfKind("stream")) {
            byte[] stream = Vectors.hex(v, "streamHex");
            int tagLength = v.get("contactExchange").asBoolean() ? 0 : TagEncoder.TAG_LENGTH;
            InputStream in = new ByteArrayInputStream(stream, tagLength, stream.length - tagLength);
            ReadResult result = readAll(new StreamReaderImpl(in, CIPHER, headerKey(v),
                    v.get("streamNumber").asLong()), 100);
            assertThat(result.failure()).as(v.get("name").asText()).isNull();
            assertThat(result.plaintext()).isEqualTo(Vectors.hex(v, "plaintextHex"));
        }
    }

    @Test
    void theStreamVectorsStartWithTheirTag() {
        TagEncoder encoder = new TagEncoderImpl();
        for (JsonNode v : vectorsOfKind("stream")) {
            if (v.get("contactExchange").asBoolean()) continue;
            byte[] tag = encoder.encodeTag(new SecretKey(Vectors.hex(v, "tagKeyHex")), 4, v.get("streamNumber").asLong());
            assertThat(Vectors.hex(v, "streamHex")).startsWith(tag);
        }
    }

    @Test
    void theReaderAcceptsTheAcceptVectorsAndLeavesTheRestUnread() throws IOException {
        List<JsonNode> accepts = vectorsOfKind("accept");
        assertThat(accepts).hasSize(4);
        for (JsonNode v : accepts) {
            ByteArrayInputStream in = new ByteArrayInputStream(Vectors.hex(v, "inputHex"));
            StreamReaderImpl reader = new StreamReaderImpl(in, CIPHER, headerKey(v), v.get("streamNumber").asLong());
            ReadResult result = readAll(reader, 64);
            assertThat(result.failure()).as(v.get("name").asText()).isNull();
            assertThat(result.plaintext()).as(v.get("name").asText()).isEqualTo(Vectors.hex(v, "plaintextHex"));
            assertThat(reader.read()).isEqualTo(-1);
            assertThat(in.available()).as(v.get("name").asText()).isEqualTo(v.get("unreadLength").asInt());
        }
    }

    @Test
    void theReaderRejectsTheRejectVectorsAfterHandingOutOnlyAuthenticatedFrames() {
        List<JsonNode> rejects = vectorsOfKind("reject");
        assertThat(rejects).hasSize(19);
        for (JsonNode v : rejects) {
            for (int chunk : new int[] {1, 1000}) {
                InputStream in = new ByteArrayInputStream(Vectors.hex(v, "inputHex"));
                ReadResult result = readAll(new StreamReaderImpl(in, CIPHER, headerKey(v),
                        v.get("streamNumber").asLong()), chunk);
                String name = v.get("name").asText();
                assertThat(result.failure()).as(name).isInstanceOf(FormatException.class)
                        .hasMessageContaining(v.get("reason").asText());
                assertThat(result.plaintext()).as(name).isEqualTo(Vectors.hex(v, "plaintextHex"));
            }
        }
    }

    private static StreamWriterImpl writerFor(JsonNode v, ByteArrayOutputStream out) {
        boolean contactExchange = v.get("contactExchange").asBoolean();
        byte[] tag = contactExchange ? new byte[0] : Vectors.hex(v, "tagHex");
        return new StreamWriterImpl(out, CIPHER, FramePadding.valueOf(v.get("padding").asText()), tag, headerKey(v),
                v.get("streamNumber").asLong(), Vectors.hex(v, "streamHeaderNonceHex"), Vectors.hex(v, "frameKeyHex"));
    }

    private static SecretKey headerKey(JsonNode v) {
        return new SecretKey(Vectors.hex(v, "headerKeyHex"));
    }

    private static List<JsonNode> vectorsOfKind(String kind) {
        return VECTORS.stream().filter(v -> v.get("kind").asText().equals(kind)).toList();
    }

    @Test
    void everyVectorKindIsPresent() {
        assertThat(VECTORS.stream().map(v -> v.get("kind").asText()).distinct().sorted().toList())
                .isEqualTo(Arrays.asList("accept", "reject", "stream", "tag"));
    }
}
