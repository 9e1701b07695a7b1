package org.thicket.bramble.sync;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Injector;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.sync.api.ClientId;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.GroupFactory;
import org.thicket.bramble.sync.api.GroupId;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageFactory;
import org.thicket.bramble.test.Vectors;
import org.thicket.bramble.util.Bytes;
import org.thicket.bramble.util.FormatException;

class IdDerivationTest {

    private static final List<JsonNode> VECTORS = Vectors.load("bsp");

    private final Injector injector = SyncTestInjector.create();
    private final GroupFactory groupFactory = injector.getInstance(GroupFactory.class);
    private final MessageFactory messageFactory = injector.getInstance(MessageFactory.class);
    private final GroupId groupId = new GroupId(Bytes.fromHex("11".repeat(32)));

    @Test
    void groupIdsMatchTheVectors() {
        int checked = 0;
        for (JsonNode v : vectors("groupId")) {
            byte[] descriptor = Vectors.hex(v, "descriptorHex");
            Group g = groupFactory.createGroup(new ClientId(v.get("clientId").asText()), v.get("majorVersion").asInt(),
                    descriptor);
            assertThat(g.getId().getBytes()).as(v.get("name").asText()).isEqualTo(Vectors.hex(v, "groupIdHex"));
            assertThat(g.getDescriptor()).isEqualTo(descriptor);
            checked++;
        }
        assertThat(checked).isEqualTo(4);
    }

    @Test
    void messageIdsMatchTheVectorsFromFieldsAndFromRaw() throws FormatException {
        int checked = 0;
        for (JsonNode v : vectors("messageId")) {
            GroupId g = new GroupId(Vectors.hex(v, "groupIdHex"));
            long timestamp = v.get("timestamp").asLong();
            Message fromFields = messageFactory.createMessage(g, timestamp, Vectors.hex(v, "bodyHex"));
            Message fromRaw = messageFactory.createMessage(Vectors.hex(v, "rawHex"));
            String name = v.get("name").asText();
            assertThat(fromFields.getId().getBytes()).as(name).isEqualTo(Vectors.hex(v, "messageIdHex"));
            assertThat(fromFields.getRaw()).as(name).isEqualTo(Vectors.hex(v, "rawHex"));
            assertThat(fromRaw).as(name).isEqualTo(fromFields);
            checked++;
        }
        assertThat(checked).isEqualTo(3);
    }

    @Test
    void rawMessagesRoundTrip() throws FormatException {
        Message m = messageFactory.createMessage(groupId, 1_700_000_000_000L, "round trip".getBytes(UTF_8));
        Message parsed = messageFactory.createMessage(m.getRaw());
        assertThat(parsed).isEqualTo(m);
        assertThat(parsed.getTimestamp()).isEqualTo(1_700_000_000_000L);
        assertThat(parsed.getBody()).isEqualTo("round trip".getBytes(UTF_8));
    }

    @Test
    void everyFieldChangesTheMessageId() {
        Message m = messageFactory.createMessage(groupId, 5, new byte[] {1});
        GroupId otherGroup = new GroupId(new byte[32]);
        assertThat(messageFactory.createMessage(otherGroup, 5, new byte[] {1}).getId()).isNotEqualTo(m.getId());
        assertThat(messageFactory.createMessage(groupId, 6, new byte[] {1}).getId()).isNotEqualTo(m.getId());
        assertThat(messageFactory.createMessage(groupId, 5, new byte[] {2}).getId()).isNotEqualTo(m.getId());
    }

    @Test
    void rawMessageLengthLimitsAreExact() throws FormatException {
        byte[] header = Bytes.concat(groupId.getBytes(), Bytes.int64(0));
        assertThat(messageFactory.createMessage(Bytes.concat(header, new byte[1])).getLength()).isEqualTo(41);
        assertThat(messageFactory.createMessage(Bytes.concat(header, new byte[Message.MAX_BODY_LENGTH])).getLength())
                .isEqualTo(32_808);
        assertThatThrownBy(() -> messageFactory.createMessage(header)).isInstanceOf(FormatException.class)
                .hasMessageContaining("too short");
        assertThatThrownBy(() -> messageFactory.createMessage(new byte[0])).isInstanceOf(FormatException.class)
                .hasMessageContaining("too short");
        assertThatThrownBy(() -> messageFactory.createMessage(Bytes.concat(header,
                new byte[Message.MAX_BODY_LENGTH + 1]))).isInstanceOf(FormatException.class)
                .hasMessageContaining("too long");
    }

    @Test
    void rawMessageWithTheTopTimestampBitSetIsRejected() throws FormatException {
        byte[] raw = Bytes.concat(groupId.getBytes(), Bytes.int64(Long.MAX_VALUE), new byte[] {1});
        assertThat(messageFactory.createMessage(raw).getTimestamp()).isEqualTo(Long.MAX_VALUE);
        raw[32] = (byte) 0x80;
        assertThatThrownBy(() -> messageFactory.createMessage(raw)).isInstanceOf(FormatException.class)
                .hasMessageContaining("negative timestamp");
    }

    @Test
    void invalidFieldsAreRefused() {
        assertThatThrownBy(() -> messageFactory.createMessage(groupId, -1, new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> messageFactory.createMessage(groupId, 0, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> messageFactory.createMessage(groupId, 0, new byte[Message.MAX_BODY_LENGTH + 1]))
                .isInstanceOf(IllegalArgumentException.class);
        ClientId client = new ClientId("org.thicket.test");
        assertThatThrownBy(() -> groupFactory.createGroup(client, -1, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> groupFactory.createGroup(client, 0, new byte[Group.MAX_DESCRIPTOR_LENGTH + 1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(groupFactory.createGroup(client, 0, new byte[Group.MAX_DESCRIPTOR_LENGTH]).getDescriptor())
                .hasSize(16_384);
    }

    @Test
    void derivationIsDeterministicAndCopiesItsInput() {
        byte[] body = {1, 2, 3};
        Message m = messageFactory.createMessage(groupId, 0, body);
        body[0] = 9;
        assertThat(m.getBody()).containsExactly(1, 2, 3);
        assertThat(messageFactory.createMessage(groupId, 0, new byte[] {1, 2, 3}).getId()).isEqualTo(m.getId());
    }

    private static List<JsonNode> vectors(String kind) {
        return VECTORS.stream().filter(v -> v.get("kind").asText().equals(kind)).toList();
    }
}
