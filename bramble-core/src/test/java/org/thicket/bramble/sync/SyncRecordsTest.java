package org.thicket.bramble.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Injector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.sync.api.Ack;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageFactory;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageRecord;
import org.thicket.bramble.sync.api.Offer;
import org.thicket.bramble.sync.api.Priority;
import org.thicket.bramble.sync.api.Request;
import org.thicket.bramble.sync.api.SyncConstants;
import org.thicket.bramble.sync.api.SyncRecord;
import org.thicket.bramble.sync.api.SyncRecordReader;
import org.thicket.bramble.sync.api.SyncRecordReaderFactory;
import org.thicket.bramble.sync.api.SyncRecordWriter;
import org.thicket.bramble.sync.api.SyncRecordWriterFactory;
import org.thicket.bramble.sync.api.Versions;
import org.thicket.bramble.test.Vectors;
import org.thicket.bramble.util.Bytes;
import org.thicket.bramble.util.FormatException;

class SyncRecordsTest {

    private static final List<JsonNode> VECTORS = Vectors.load("bsp");

    private final Injector injector = SyncTestInjector.create();
    private final SyncRecordReaderFactory readers = injector.getInstance(SyncRecordReaderFactory.class);
    private final SyncRecordWriterFactory writers = injector.getInstance(SyncRecordWriterFactory.class);
    private final MessageFactory messageFactory = injector.getInstance(MessageFactory.class);

    @Test
    void readsEachRecordVectorAsItsTypedRecord() throws IOException {
        for (JsonNode v : vectors("record")) {
            SyncRecord read = reader(Vectors.hex(v, "encodedHex")).readRecord();
            assertThat(read).as(v.get("name").asText()).isEqualTo(expectedRecord(v));
        }
    }

    @Test
    void writesEachRecordVectorByteForByte() throws IOException {
        for (JsonNode v : vectors("record")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write(writers.createRecordWriter(out), expectedRecord(v));
            assertThat(out.toByteArray()).as(v.get("name").asText()).isEqualTo(Vectors.hex(v, "encodedHex"));
        }
    }

    /** The expected content, built from the vector's fields and not from its encoding where possible. */
    private SyncRecord expectedRecord(JsonNode v) throws FormatException {
        byte[] payload = Vectors.hex(v, "payloadHex");
        return switch (v.get("type").asInt()) {
            case 0 -> new Ack(ids(payload, v.get("idCount").asInt()));
            case 1 -> {
                Message m = messageFactory.createMessage(payload);
                assertThat(m.getId().getBytes()).isEqualTo(Vectors.hex(v, "messageIdHex"));
                yield new MessageRecord(m);
            }
            case 2 -> new Offer(ids(payload, v.get("idCount").asInt()));
            case 3 -> new Request(ids(payload, v.get("idCount").asInt()));
            case 4 -> {
                List<Integer> versions = new ArrayList<>();
                v.get("versions").forEach(n -> versions.add(n.asInt()));
                yield new Versions(versions);
            }
            case 5 -> new Priority(Vectors.hex(v, "nonceHex"));
            default -> throw new AssertionError("Unknown type in " + v);
        };
    }

    private static List<MessageId> ids(byte[] payload, int count) {
        assertThat(payload).hasSize(count * 32);
        List<MessageId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) ids.add(new MessageId(Arrays.copyOfRange(payload, 32 * i, 32 * i + 32)));
        return ids;
    }

    private static void write(SyncRecordWriter writer, SyncRecord record) throws IOException {
        if (record instanceof Ack a) writer.writeAck(a);
        else if (record instanceof MessageRecord m) writer.writeMessage(m.message());
        else if (record instanceof Offer o) writer.writeOffer(o);
        else if (record instanceof Request r) writer.writeRequest(r);
        else if (record instanceof Versions v) writer.writeVersions(v);
        else if (record instanceof Priority p) writer.writePriority(p);
        writer.flush();
    }

    @Test
    void skipsRecordsOfUnknownTypesInTheCurrentVersion() throws IOException {
        for (JsonNode v : vectors("ignore")) {
            SyncRecordReader reader = reader(Vectors.hex(v, "encodedHex"));
            assertThat(reader.readRecord()).isEqualTo(new Versions(SyncConstants.SUPPORTED_VERSIONS));
            assertThat(reader.readRecord()).isNull();
        }
    }

    @Test
    void rejectsTheRejectVectorsWithTheirReason() {
        List<JsonNode> rejects = vectors("reject");
        assertThat(rejects).hasSize(12);
        for (JsonNode v : rejects) {
            SyncRecordReader reader = reader(Vectors.hex(v, "encodedHex"));
            assertThatThrownBy(reader::readRecord).as(v.get("name").asText()).isInstanceOf(FormatException.class)
                    .hasMessageContaining(v.get("reason").asText());
        }
    }

    @Test
    void readsRecordsInOrderUntilACleanEnd() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SyncRecordWriter writer = writers.createRecordWriter(out);
        Versions versions = new Versions(SyncConstants.SUPPORTED_VERSIONS);
        Ack ack = new Ack(List.of(id(1)));
        Request request = new Request(List.of(id(2), id(3)));
        writer.writeVersions(versions);
        writer.writeAck(ack);
        writer.writeRequest(request);

        SyncRecordReader reader = reader(out.toByteArray());
        assertThat(reader.readRecord()).isEqualTo(versions);
        assertThat(reader.readRecord()).isEqualTo(ack);
        assertThat(reader.readRecord()).isEqualTo(request);
        assertThat(reader.readRecord()).isNull();
    }

    @Test
    void theWriterSplitsIdListsAtTheRecordLimit() throws IOException {
        assertThat(SyncConstants.MAX_MESSAGE_IDS).isEqualTo(1536);
        for (int count : new int[] {1535, 1536, 1537, 3072, 3073}) {
            List<MessageId> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) ids.add(id(i));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writers.createRecordWriter(out).writeOffer(new Offer(ids));

            SyncRecordReader reader = reader(out.toByteArray());
            List<MessageId> read = new ArrayList<>();
            int records = 0;
            for (SyncRecord r = reader.readRecord(); r != null; r = reader.readRecord()) {
                List<MessageId> chunk = ((Offer) r).messageIds();
                assertThat(chunk.size()).isLessThanOrEqualTo(1536);
                read.addAll(chunk);
                records++;
            }
            assertThat(read).as(count + " IDs").isEqualTo(ids);
            assertThat(records).isEqualTo((count + 1535) / 1536);
        }
    }

    @Test
    void flushReachesTheStream() throws IOException {
        int[] flushes = {0};
        OutputStream out = new ByteArrayOutputStream() {
            @Override
            public void flush() {
                flushes[0]++;
            }
        };
        writers.createRecordWriter(out).flush();
        assertThat(flushes[0]).isEqualTo(1);
    }

    @Test
    void theValueTypesRefuseWhatCannotBeWritten() {
        assertThatThrownBy(() -> new Ack(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Offer(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Request(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Versions(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Versions(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Versions(List.of(256))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Priority(new byte[15])).isInstanceOf(IllegalArgumentException.class);
        byte[] nonce = new byte[16];
        Priority p = new Priority(nonce);
        nonce[0] = 1;
        assertThat(p.getNonce()).isEqualTo(new byte[16]);
    }

    private SyncRecordReader reader(byte[] bytes) {
        return readers.createRecordReader(new ByteArrayInputStream(bytes));
    }

    private static MessageId id(int n) {
        byte[] b = new byte[32];
        Bytes.writeUint32(n, b, 0);
        return new MessageId(b);
    }

    private static List<JsonNode> vectors(String kind) {
        return VECTORS.stream().filter(v -> v.get("kind").asText().equals(kind)).toList();
    }
}
