package org.thicket.messenger.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.test.SettableClock;
import org.thicket.bramble.test.Vectors;
import org.thicket.bramble.util.Bytes;
import org.thicket.bramble.util.FormatException;
import org.thicket.messenger.messaging.api.Attachment;
import org.thicket.messenger.messaging.api.AttachmentHeader;
import org.thicket.messenger.messaging.api.MessagingBody;
import org.thicket.messenger.messaging.api.PrivateMessage;
import org.thicket.messenger.messaging.api.ValidatedMessage;

/** specs/vectors/messaging.json, computed independently by specs/vectors/gen/messaging_vectors.py. */
class MessagingVectorsTest {

    private static final List<JsonNode> VECTORS = Vectors.load("messaging");

    private final PrivateMessageFactoryImpl factory = MessagingFixture.factory();

    @Test
    void acceptedVectorsYieldTheExpectedValuesMetadataAndNoDependencies() throws FormatException {
        int checked = 0;
        for (JsonNode v : vectors("accept")) {
            ValidatedMessage result = validator(v).validate(v.get("timestamp").asLong(), body(v));
            assertThat(result.body()).as(name(v)).isEqualTo(expected(v));
            assertThat(Bytes.toHex(MessagingFixture.CODEC.encode(result.metadata()))).as(name(v))
                    .isEqualTo(v.get("metadataHex").asText());
            assertThat(result.dependencies()).as(name(v)).isEmpty();
            assertThat(validator(v).parse(body(v))).as(name(v)).isEqualTo(expected(v));
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(20);
    }

    @Test
    void encodingProducesExactlyTheVectorBodies() {
        int checked = 0;
        for (JsonNode v : vectors("accept")) {
            if (!v.get("weProduce").asBoolean()) continue;
            MessagingBody value = expected(v);
            byte[] encoded = value instanceof PrivateMessage m
                    ? factory.createPrivateMessageBody(m) : factory.createAttachmentBody((Attachment) value);
            assertThat(Bytes.toHex(encoded)).as(name(v)).isEqualTo(Bytes.toHex(body(v)));
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(15);
    }

    @Test
    void everyRejectVectorThrowsFormatException() {
        Set<String> rules = new TreeSet<>();
        for (JsonNode v : vectors("reject")) {
            assertThatThrownBy(() -> validator(v).validate(v.get("timestamp").asLong(), body(v))).as(name(v))
                    .isInstanceOf(FormatException.class);
            rules.add(v.get("rule").asText());
        }
        // One or more vectors for each rejection rule of specs/clients/messaging.md.
        assertThat(rules).containsExactlyInAnyOrder("timestamp", "body-length", "not-a-list", "bdf", "empty-list",
                "legacy-text", "trailing-bytes", "message-type", "element-count", "text", "attachment-list",
                "attachment-header", "content-type", "empty-message", "timer", "image-size");
    }

    private static List<JsonNode> vectors(String result) {
        return VECTORS.stream().filter(v -> v.get("result").asText().equals(result)).toList();
    }

    private static PrivateMessageValidatorImpl validator(JsonNode v) {
        return MessagingFixture.validator(new SettableClock(v.get("now").asLong()));
    }

    private static String name(JsonNode v) {
        return v.get("name").asText();
    }

    static byte[] body(JsonNode v) {
        return bytes(v, "body");
    }

    /** {@code <field>Hex}, or {@code <field>HexParts}: hex strings and {repeatHex, count} runs, concatenated. */
    private static byte[] bytes(JsonNode v, String field) {
        if (v.has(field + "Hex")) return Vectors.hex(v, field + "Hex");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (JsonNode part : v.get(field + "HexParts")) {
            if (part.isTextual()) {
                out.writeBytes(Bytes.fromHex(part.asText()));
                continue;
            }
            byte[] unit = Bytes.fromHex(part.get("repeatHex").asText());
            for (int i = 0; i < part.get("count").asInt(); i++) out.writeBytes(unit);
        }
        return out.toByteArray();
    }

    static MessagingBody expected(JsonNode v) {
        JsonNode e = v.get("expect");
        if (e.get("type").asText().equals("attachment")) {
            return new Attachment(e.get("contentType").asText(), bytes(e, "data"));
        }
        List<AttachmentHeader> headers = new ArrayList<>();
        for (JsonNode h : e.get("attachments")) {
            MessageId id = new MessageId(Vectors.hex(h, "messageIdHex"));
            headers.add(new AttachmentHeader(id, h.get("contentType").asText()));
        }
        return new PrivateMessage(text(e.get("text")), headers, e.get("autoDeleteTimer").asLong());
    }

    private static String text(JsonNode t) {
        if (t.isNull()) return null;
        if (t.isTextual()) return t.asText();
        return t.get("repeat").asText().repeat(t.get("count").asInt());
    }
}
