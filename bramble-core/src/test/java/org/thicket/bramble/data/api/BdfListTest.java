package org.thicket.bramble.data.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.util.FormatException;

class BdfListTest {

    private final BdfList list = BdfList.of(null, true, 7, 1.5, "h\u00e9", new byte[] {1, 2, 3}, new BdfList(),
            new BdfDictionary(), 5_000_000_000L);

    @Test
    void typedGettersReturnTheValues() throws FormatException {
        assertThat(list.getBoolean(1)).isTrue();
        assertThat(list.getLong(2)).isEqualTo(7L);
        assertThat(list.getInt(2)).isEqualTo(7);
        assertThat(list.getDouble(3)).isEqualTo(1.5);
        assertThat(list.getString(4)).isEqualTo("h\u00e9");
        assertThat(list.getRaw(5)).containsExactly(1, 2, 3);
        assertThat(list.getList(6)).isEmpty();
        assertThat(list.getDictionary(7)).isEmpty();
        assertThat(list.getValue(0)).isNull();
    }

    @Test
    void wrongTypeNamesTheElementAndBothTypes() {
        assertThatThrownBy(() -> list.getString(2)).isInstanceOf(FormatException.class)
                .hasMessage("Element 2: expected STRING, found INTEGER");
        assertThatThrownBy(() -> list.getLong(3)).hasMessage("Element 3: expected INTEGER, found FLOAT");
        assertThatThrownBy(() -> list.getDouble(2)).hasMessage("Element 2: expected FLOAT, found INTEGER");
        assertThatThrownBy(() -> list.getRaw(4)).hasMessage("Element 4: expected RAW, found STRING");
        assertThatThrownBy(() -> list.getDictionary(6)).hasMessage("Element 6: expected DICTIONARY, found LIST");
        assertThatThrownBy(() -> list.getList(7)).hasMessage("Element 7: expected LIST, found DICTIONARY");
        assertThatThrownBy(() -> list.getBoolean(5)).hasMessage("Element 5: expected BOOLEAN, found RAW");
    }

    @Test
    void nullIsAWrongTypeForPlainGettersAndNullForOptionalOnes() throws FormatException {
        assertThatThrownBy(() -> list.getString(0)).hasMessage("Element 0: expected STRING, found NULL");
        assertThat(list.getOptionalString(0)).isNull();
        assertThat(list.getOptionalLong(0)).isNull();
        assertThat(list.getOptionalRaw(0, 1)).isNull();
        assertThat(list.getOptionalDictionary(0)).isNull();
        assertThat(list.getOptionalLong(2)).isEqualTo(7L);
        assertThatThrownBy(() -> list.getOptionalLong(4)).hasMessage("Element 4: expected INTEGER, found STRING");
    }

    @Test
    void indexOutsideTheListIsAFormatErrorEvenForOptionalGetters() {
        assertThatThrownBy(() -> list.getLong(9)).isInstanceOf(FormatException.class)
                .hasMessage("Element 9 is missing from a list of 9");
        assertThatThrownBy(() -> list.getOptionalString(-1)).isInstanceOf(FormatException.class);
    }

    @Test
    void lengthLimitsCountUtf8BytesAndRawLength() throws FormatException {
        assertThat(list.getString(4, 3)).isEqualTo("h\u00e9");
        assertThatThrownBy(() -> list.getString(4, 2)).hasMessage("Element 4: string of 3 UTF-8 bytes is longer than 2");
        assertThat(BdfList.of("\ud83d\ude00").getString(0, 4)).hasSize(2);
        assertThatThrownBy(() -> BdfList.of("\ud83d\ude00").getString(0, 3)).isInstanceOf(FormatException.class);
        assertThat(list.getRaw(5, 3)).hasSize(3);
        assertThatThrownBy(() -> list.getRaw(5, 2)).hasMessage("Element 5: raw of 3 bytes, expected at most 2");
        assertThat(list.getRawOfLength(5, 3)).hasSize(3);
        assertThatThrownBy(() -> list.getRawOfLength(5, 4)).hasMessage("Element 5: raw of 3 bytes, expected exactly 4");
        assertThatThrownBy(() -> list.getOptionalString(4, 1)).isInstanceOf(FormatException.class);
    }

    @Test
    void getIntRejectsIntegersBeyond32Bits() throws FormatException {
        assertThat(list.getLong(8)).isEqualTo(5_000_000_000L);
        assertThatThrownBy(() -> list.getInt(8)).hasMessage("Element 8: integer does not fit in 32 bits");
        assertThat(BdfList.of(Integer.MIN_VALUE).getInt(0)).isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void narrowIntegersAreStoredAsLong() {
        BdfList ints = BdfList.of(1, (short) 2, (byte) 3);
        ints.add(4);
        ints.set(0, 9);
        assertThat(ints).containsExactly(9L, 2L, 3L, 4L).isEqualTo(BdfList.of(9L, 2L, 3L, 4L));
    }

    @Test
    void refusesTypesOutsideTheModelOnEveryWayIn() {
        BdfList target = new BdfList();
        assertThatThrownBy(() -> target.add(1.5f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BDF has no type for java.lang.Float");
        assertThatThrownBy(() -> target.addAll(List.of("ok", 'c'))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BdfList.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> target.listIterator().add(new Object())).isInstanceOf(IllegalArgumentException.class);
        target.add("x");
        assertThatThrownBy(() -> target.set(0, new int[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> target.replaceAll(v -> new StringBuilder())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalityComparesRawsByContent() {
        BdfList a = BdfList.of(new byte[] {1, 2}, BdfList.of(new byte[] {3}));
        BdfList b = BdfList.of(new byte[] {1, 2}, BdfList.of(new byte[] {3}));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(BdfList.of(new byte[] {1, 3}, BdfList.of(new byte[] {3})));
        assertThat(BdfList.of(0.0)).isNotEqualTo(BdfList.of(-0.0));
        assertThat(BdfList.of(1L, "a")).isEqualTo(Arrays.asList(1L, "a"));
    }

    @Test
    void toStringHidesRawContent() {
        assertThat(BdfList.of(null, 1, "s", new byte[] {0x41, 0x42})).hasToString("[NULL, 1, \"s\", RAW[2 bytes]]");
    }
}
