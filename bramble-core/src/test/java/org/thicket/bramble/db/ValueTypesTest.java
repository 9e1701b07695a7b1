package org.thicket.bramble.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thicket.bramble.db.TestData.idBytes;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.settings.api.Settings;
import org.thicket.bramble.sync.api.ClientId;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.GroupId;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.util.Bytes;

/** The value types the database stores (they live in sync.api and settings.api). */
class ValueTypesTest {

    private final GroupId groupId = new GroupId(idBytes(1, 0x11));
    private final MessageId messageId = new MessageId(idBytes(1, 0x22));

    @Test
    void rawMessageIsGroupIdThenTimestampThenBody() {
        Message m = new Message(messageId, groupId, 0x0102030405060708L, new byte[] {9, 10});
        byte[] expected = Bytes.concat(groupId.getBytes(), Bytes.fromHex("0102030405060708"), new byte[] {9, 10});
        assertThat(m.getRaw()).isEqualTo(expected);
        assertThat(m.getLength()).isEqualTo(42);
    }

    @Test
    void messageLimits() {
        assertThat(new Message(messageId, groupId, 0, new byte[Message.MAX_BODY_LENGTH]).getLength())
                .isEqualTo(Message.MAX_LENGTH).isEqualTo(32_808);
        assertThatThrownBy(() -> new Message(messageId, groupId, 0, new byte[Message.MAX_BODY_LENGTH + 1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Message(messageId, groupId, 0, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Message(messageId, groupId, -1, new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void groupAndClientLimits() {
        ClientId client = new ClientId("x".repeat(ClientId.MAX_BYTES));
        assertThat(new Group(groupId, client, 0, new byte[Group.MAX_DESCRIPTOR_LENGTH]).getDescriptor())
                .hasSize(16_384);
        assertThatThrownBy(() -> new Group(groupId, client, 0, new byte[Group.MAX_DESCRIPTOR_LENGTH + 1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientId("é".repeat(51))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientId("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valueTypesCopyTheirArrays() {
        byte[] body = {1, 2, 3};
        Message m = new Message(messageId, groupId, 0, body);
        body[0] = 9;
        m.getBody()[1] = 9;
        assertThat(m.getBody()).containsExactly(1, 2, 3);
    }

    @Test
    void messageStateCodesAreTheStoredOnes() {
        assertThat(Arrays.stream(MessageState.values()).map(MessageState::getCode)).containsExactly(0, 1, 2, 3);
        assertThat(MessageState.fromCode(3)).isEqualTo(MessageState.DELIVERED);
        assertThatThrownBy(() -> MessageState.fromCode(4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsTypedGettersUseDefaultsOnlyForAbsentKeys() {
        Settings s = new Settings(Map.of("b", "true", "i", "-7", "l", "12345678901", "bad", "x"));
        assertThat(s.getBoolean("b", false)).isTrue();
        assertThat(s.getInt("i", 0)).isEqualTo(-7);
        assertThat(s.getLong("l", 0)).isEqualTo(12_345_678_901L);
        assertThat(s.getInt("absent", 5)).isEqualTo(5);
        assertThatThrownBy(() -> s.getBoolean("bad", false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Setting bad is not a boolean");
        assertThatThrownBy(() -> s.getLong("bad", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(s.merge(Settings.EMPTY.withInt("i", 1)).getInt("i", 0)).isEqualTo(1);
        assertThat(s.getInt("i", 0)).isEqualTo(-7);
    }
}
