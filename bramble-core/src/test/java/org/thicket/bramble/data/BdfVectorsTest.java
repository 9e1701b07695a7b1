package org.thicket.bramble.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.thicket.bramble.data.api.BdfCodec;
import org.thicket.bramble.test.Vectors;
import org.thicket.bramble.util.Bytes;
import org.thicket.bramble.util.FormatException;

/** The writer and the canonical reader against specs/vectors/bdf-encode.json and bdf-reject.json. */
class BdfVectorsTest {

    /** What each reject category's message says, so a test fails if an input is rejected for another reason. */
    private static final Map<String, String> MESSAGE_BY_CATEGORY = Map.ofEntries(
            Map.entry("non-minimal-integer", "Non-minimal integer"),
            Map.entry("non-minimal-length", "Non-minimal length"),
            Map.entry("negative-length", "Negative length"),
            Map.entry("unsorted-keys", "Dictionary keys out of order"),
            Map.entry("duplicate-key", "Duplicate dictionary key"),
            Map.entry("non-string-key", "Dictionary key must be a STRING"),
            Map.entry("invalid-utf8", "Invalid UTF-8"),
            Map.entry("too-deep", "Nesting deeper than 5 levels"),
            Map.entry("too-long", "exceeds the limit"),
            Map.entry("truncated", "Unexpected end of input"),
            Map.entry("unknown-type", "Unknown type code"),
            Map.entry("unexpected-end", "Unexpected END"),
            Map.entry("trailing-bytes", "Trailing bytes"),
            Map.entry("non-canonical-nan", "Non-canonical NaN"));

    private final BdfCodec codec = new BdfCodecImpl(BdfCodec.DEFAULT_MAX_LENGTH);

    @TestFactory
    Stream<DynamicTest> writerProducesTheVectorEncoding() {
        return Vectors.load("bdf-encode").stream().map(v -> dynamicTest(v.get("name").textValue(), () ->
                assertThat(Bytes.toHex(codec.encode(BdfJson.toValue(v.get("value")))))
                        .isEqualTo(Bytes.toHex(BdfJson.encoding(v)))));
    }

    @TestFactory
    Stream<DynamicTest> readerDecodesTheVectorEncodingToTheValue() {
        return Vectors.load("bdf-encode").stream().map(v -> dynamicTest(v.get("name").textValue(), () ->
                assertThat(codec.decode(BdfJson.encoding(v))).isEqualTo(BdfJson.toValue(v.get("value")))));
    }

    @TestFactory
    Stream<DynamicTest> readerRejectsForTheStatedReason() {
        return Vectors.load("bdf-reject").stream().map(v -> dynamicTest(v.get("name").textValue(), () -> {
            String expectedMessage = MESSAGE_BY_CATEGORY.get(v.get("category").textValue());
            assertThat(expectedMessage).as("known category").isNotNull();
            assertThatThrownBy(() -> codecFor(v).decode(Vectors.hex(v, "inputHex")))
                    .isInstanceOf(FormatException.class)
                    .hasMessageContaining(expectedMessage);
        }));
    }

    @Test
    void everyRejectCategoryHasAVector() {
        assertThat(Vectors.load("bdf-reject").stream().map(v -> v.get("category").textValue()).distinct())
                .containsExactlyInAnyOrderElementsOf(MESSAGE_BY_CATEGORY.keySet());
    }

    private BdfCodec codecFor(JsonNode vector) {
        return vector.has("maxLength") ? codec.withMaxLength(vector.get("maxLength").intValue()) : codec;
    }
}
