package org.thicket.bramble.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.db.api.DbException;

class MetadataEntriesTest {

    @Test
    void entriesSurviveTheRoundTripWhateverTheirKeysAndValues() throws DbException {
        Map<String, byte[]> entries = new HashMap<>();
        entries.put("read", new byte[] {0x11});
        entries.put("ключ \uD83D\uDD11", new byte[300]);
        entries.put("", new byte[] {1, 2, 3});

        Map<String, byte[]> decoded = MetadataEntries.decode(MetadataEntries.encode(entries));

        assertThat(decoded).containsOnlyKeys(entries.keySet());
        entries.forEach((k, v) -> assertThat(decoded.get(k)).as(k).isEqualTo(v));
        assertThat(MetadataEntries.decode(MetadataEntries.encode(Map.of()))).isEmpty();
    }

    @Test
    void damagedBytesAreAClearError() {
        byte[] encoded = MetadataEntries.encode(Map.of("key", new byte[] {1, 2}));
        for (byte[] damaged : new byte[][] {
            Arrays.copyOf(encoded, encoded.length - 1),
            Arrays.copyOf(encoded, encoded.length + 1),
            {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff},
            {0, 0, 0, 1, 0x7f, 0, 0, 0},
            {}}) {
            assertThatThrownBy(() -> MetadataEntries.decode(damaged)).as(Arrays.toString(damaged))
                    .isInstanceOf(DbException.class).hasMessageContaining("Damaged metadata");
        }
    }
}
