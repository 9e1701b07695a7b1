package org.thicket.bramble.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.record.api.Record;
import org.thicket.bramble.test.Vectors;
import org.thicket.bramble.util.FormatException;

class RecordLayerTest {

    private static final List<JsonNode> VECTORS = Vectors.load("records");

    @Test
    void writesAndReadsTheEncodeVectors() throws IOException {
        for (JsonNode v : VECTORS) {
            if (!v.get("kind").asText().equals("encode")) continue;
            Record record = new Record(v.get("version").asInt(), v.get("type").asInt(), Vectors.hex(v, "payloadHex"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new RecordWriterImpl(out).writeRecord(record);
            assertThat(out.toByteArray()).as(v.get("name").asText()).isEqualTo(Vectors.hex(v, "encodedHex"));

            Record read = new RecordReaderImpl(new ByteArrayInputStream(out.toByteArray())).readRecord();
            assertThat(read.protocolVersion()).isEqualTo(record.protocolVersion());
            assertThat(read.recordType()).isEqualTo(record.recordType());
            assertThat(read.payload()).isEqualTo(record.payload());
        }
    }

    @Test
    void rejectsTheRejectVectors() {
        for (JsonNode v : VECTORS) {
            if (!v.get("kind").asText().equals("reject")) continue;
            InputStream in = new ByteArrayInputStream(Vectors.hex(v, "encodedHex"));
            assertThatThrownBy(() -> new RecordReaderImpl(in).readRecord()).as(v.get("name").asText())
                    .isInstanceOf(FormatException.class).hasMessageContaining(v.get("reason").asText());
        }
    }

    @Test
    void aCleanEndBetweenRecordsIsNull() throws IOException {
        RecordReaderImpl reader = new RecordReaderImpl(new ByteArrayInputStream(new byte[] {0, 1, 0, 0}));
        assertThat(reader.readRecord()).isNotNull();
        assertThat(reader.readRecord()).isNull();
    }

    @Test
    void skipsIgnoredRecordsAndRejectsUnexpectedOnes() throws IOException {
        Predicate<Record> acceptAck = r -> r.protocolVersion() == 0 && r.recordType() == 0;
        Predicate<Record> ignoreUnknownOfVersion0 = r -> r.protocolVersion() == 0 && r.recordType() > 5;
        byte[] stream = {0, 9, 0, 1, 42, 0, 0, 0, 0, 1, 0, 0, 0};

        RecordReaderImpl reader = new RecordReaderImpl(new ByteArrayInputStream(stream));
        assertThat(reader.readRecord(acceptAck, ignoreUnknownOfVersion0).recordType()).isZero();
        assertThatThrownBy(() -> reader.readRecord(acceptAck, ignoreUnknownOfVersion0))
                .isInstanceOf(FormatException.class).hasMessageContaining("version 1");
    }

    @Test
    void refusesToBuildAnOversizedRecord() {
        assertThatThrownBy(() -> new Record(0, 0, new byte[Record.MAX_PAYLOAD_LENGTH + 1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Record(0, 0, new byte[Record.MAX_PAYLOAD_LENGTH]).payload()).hasSize(49_152);
    }
}
