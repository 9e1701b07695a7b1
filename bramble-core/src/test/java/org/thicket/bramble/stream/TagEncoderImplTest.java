package org.thicket.bramble.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.stream.api.StreamConstants;
import org.thicket.bramble.stream.api.TagEncoder;
import org.thicket.bramble.test.Vectors;

class TagEncoderImplTest {

    private final TagEncoder encoder = new TagEncoderImpl();

    @Test
    void matchesTheTagVectors() {
        int checked = 0;
        for (JsonNode v : Vectors.load("btp-streams")) {
            if (!v.get("kind").asText().equals("tag")) continue;
            SecretKey key = new SecretKey(Vectors.hex(v, "tagKeyHex"));
            byte[] tag = encoder.encodeTag(key, v.get("protocolVersion").asInt(), v.get("streamNumber").asLong());
            assertThat(tag).as(v.get("name").asText()).isEqualTo(Vectors.hex(v, "tagHex"));
            checked++;
        }
        assertThat(checked).isEqualTo(5);
    }

    @Test
    void writesAtAnOffsetAndTouchesNothingElse() {
        byte[] expected = encoder.encodeTag(StreamTesting.TAG_KEY, StreamConstants.PROTOCOL_VERSION, 9);
        byte[] buffer = StreamTesting.filled(40, 0x55);
        encoder.encodeTag(buffer, 20, StreamTesting.TAG_KEY, StreamConstants.PROTOCOL_VERSION, 9);
        assertThat(buffer).startsWith(StreamTesting.filled(20, 0x55)).endsWith(StreamTesting.filled(4, 0x55));
        assertThat(Arrays.copyOfRange(buffer, 20, 36)).isEqualTo(expected);
    }

    @Test
    void theVersionIsPartOfTheInput() {
        assertThat(encoder.encodeTag(StreamTesting.TAG_KEY, 3, 0))
                .isNotEqualTo(encoder.encodeTag(StreamTesting.TAG_KEY, 4, 0));
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> encoder.encodeTag(StreamTesting.TAG_KEY, 0x10000, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encoder.encodeTag(new byte[16], 1, StreamTesting.TAG_KEY, 4, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
