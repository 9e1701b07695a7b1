package org.thicket.bramble.data.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.util.FormatException;

class BdfDictionaryTest {

    private final BdfDictionary dictionary = new BdfDictionary()
            .with("name", "alice")
            .with("age", 30)
            .with("gone", null)
            .with("key", new byte[32]);

    @Test
    void typedGettersByKey() throws FormatException {
        assertThat(dictionary.getString("name", 50)).isEqualTo("alice");
        assertThat(dictionary.getLong("age")).isEqualTo(30L);
        assertThat(dictionary.getRawOfLength("key", 32)).hasSize(32);
        assertThatThrownBy(() -> dictionary.getLong("name")).isInstanceOf(FormatException.class)
                .hasMessage("Key \"name\": expected INTEGER, found STRING");
    }

    @Test
    void absentKeyDiffersFromNull() throws FormatException {
        assertThat(dictionary.containsKey("gone")).isTrue();
        assertThat(dictionary.containsKey("never")).isFalse();
        assertThatThrownBy(() -> dictionary.getString("never")).hasMessage("Key \"never\" is missing");
        assertThatThrownBy(() -> dictionary.getString("gone")).hasMessage("Key \"gone\": expected STRING, found NULL");
        assertThat(dictionary.getValue("gone")).isNull();
        assertThat(dictionary.getOptionalString("gone")).isNull();
        assertThat(dictionary.getOptionalString("never")).isNull();
        assertThat(dictionary.getOptionalList("never")).isNull();
        assertThat(dictionary.getOptionalString("name")).isEqualTo("alice");
    }

    @Test
    void iteratesInKeyOrderWhateverTheInsertionOrder() {
        BdfDictionary d = new BdfDictionary().with("b", 1).with("\uffff", 2).with("\ud800\udc00", 3).with("", 4)
                .with("B", 5).with("ab", 6).with("a", 7);
        assertThat(d.keySet()).containsExactly("", "B", "a", "ab", "b", "\ud800\udc00", "\uffff");
    }

    @Test
    void viewsAreReadOnlyAndValuesAreChecked() {
        assertThatThrownBy(() -> dictionary.entrySet().iterator().next().setValue(1.5f))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> dictionary.keySet().remove("name")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> dictionary.put("x", 1.5f)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dictionary.putAll(Map.of("x", new Object()))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dictionary.put(null, 1)).isInstanceOf(NullPointerException.class);
        assertThat(dictionary.get("age")).isEqualTo(30L);
    }

    @Test
    void removeAndClearStillWork() {
        BdfDictionary d = new BdfDictionary(Map.of("a", 1, "b", 2));
        assertThat(d.remove("a")).isEqualTo(1L);
        assertThat(d).containsOnlyKeys("b");
        d.clear();
        assertThat(d).isEmpty();
    }

    @Test
    void equalityComparesRawsByContent() {
        BdfDictionary copy = new BdfDictionary().with("name", "alice").with("age", 30L).with("gone", null)
                .with("key", new byte[32]);
        assertThat(copy).isEqualTo(dictionary).hasSameHashCodeAs(dictionary);
        assertThat(copy.with("key", new byte[31])).isNotEqualTo(dictionary);
        assertThat(new BdfDictionary().with("a", null)).isNotEqualTo(new BdfDictionary().with("b", null));
    }

    @Test
    void toStringHidesRawContent() {
        assertThat(new BdfDictionary().with("k", new byte[] {1}).with("a", null))
                .hasToString("{\"a\": NULL, \"k\": RAW[1 bytes]}");
    }
}
