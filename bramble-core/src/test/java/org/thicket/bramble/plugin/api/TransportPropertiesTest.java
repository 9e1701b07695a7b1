package org.thicket.bramble.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransportPropertiesTest {

    private static Map<String, String> entries(int count) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < count; i++) map.put("key" + i, "value" + i);
        return map;
    }

    @Test
    void holdsUpToOneHundredEntries() {
        assertThat(new TransportProperties(entries(100)).values()).hasSize(100);
        assertThatThrownBy(() -> new TransportProperties(entries(101)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("101");
    }

    @Test
    void keysAreOneToOneHundredCharacters() {
        assertThat(new TransportProperties(Map.of("k".repeat(100), "v")).get("k".repeat(100))).isEqualTo("v");
        assertThatThrownBy(() -> new TransportProperties(Map.of("k".repeat(101), "v")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransportProperties(Map.of("", "v")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesAreUpToOneHundredCharactersAndTheErrorDoesNotRepeatThem() {
        assertThat(new TransportProperties(Map.of("k", "")).get("k")).isEmpty();
        assertThat(new TransportProperties(Map.of("k", "v".repeat(100))).get("k")).hasSize(100);
        assertThatThrownBy(() -> new TransportProperties(Map.of("k", "secret".repeat(17))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret");
    }

    @Test
    void nullsAreRefused() {
        Map<String, String> withNullValue = new HashMap<>();
        withNullValue.put("k", null);
        assertThatThrownBy(() -> new TransportProperties(withNullValue)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void isACopyThatCannotChange() {
        Map<String, String> source = new HashMap<>(Map.of("port", "1234"));
        TransportProperties properties = new TransportProperties(source);
        source.put("port", "1");
        assertThat(properties.get("port")).isEqualTo("1234");
        assertThatThrownBy(() -> properties.values().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void mergeOverwritesAndChecksTheResult() {
        TransportProperties merged = new TransportProperties(Map.of("a", "1", "b", "2"))
                .merge(new TransportProperties(Map.of("b", "3", "c", "4")));
        assertThat(merged.values()).isEqualTo(Map.of("a", "1", "b", "3", "c", "4"));
        TransportProperties sixty = new TransportProperties(entries(60));
        TransportProperties fortyOneOthers = new TransportProperties(renamed(entries(41)));
        assertThatThrownBy(() -> sixty.merge(fortyOneOthers)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, String> renamed(Map<String, String> map) {
        Map<String, String> out = new HashMap<>();
        map.forEach((k, v) -> out.put("other" + k, v));
        return out;
    }

    @Test
    void transportIdsAreBriars() {
        assertThat(TransportIds.TOR.value()).isEqualTo("org.briarproject.bramble.tor");
        assertThat(TransportIds.LAN.value()).isEqualTo("org.briarproject.bramble.lan");
        assertThat(TransportIds.BLUETOOTH.value()).isEqualTo("org.briarproject.bramble.bluetooth");
        assertThat(TransportIds.REMOVABLE_DRIVE.value()).isEqualTo("org.briarproject.bramble.drive");
        assertThat(TransportIds.MAILBOX.value()).isEqualTo("org.briarproject.bramble.mailbox");
    }
}
