package org.thicket.bramble.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.data.api.BdfCodec;
import org.thicket.bramble.data.api.BdfDictionary;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.data.api.BdfWriter;
import org.thicket.bramble.util.Bytes;

class BdfWriterImplTest {

    private final BdfCodec codec = new BdfCodecImpl(BdfCodec.DEFAULT_MAX_LENGTH);

    @Test
    void narrowIntegerTypesEncodeLikeLong() {
        assertThat(hex(5)).isEqualTo(hex(5L)).isEqualTo("2105");
        assertThat(hex((short) -129)).isEqualTo(hex(-129L)).isEqualTo("22ff7f");
        assertThat(hex((byte) -1)).isEqualTo("21ff");
        assertThat(hex(Integer.MIN_VALUE)).isEqualTo("2480000000");
    }

    @Test
    void everyNaNIsWrittenAsTheCanonicalPattern() {
        for (long bits : new long[] {0x7ff8000000000001L, 0xfff8000000000000L, 0x7ff0000000000001L, -1L}) {
            assertThat(hex(Double.longBitsToDouble(bits))).isEqualTo("387ff8000000000000");
        }
    }

    @Test
    void refusesStringsWithoutAUtf8Form() {
        assertThatThrownBy(() -> codec.encode("a\ud800")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lone surrogate");
        assertThatThrownBy(() -> codec.encode(new BdfDictionary().with("\udc00", 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesTypesOutsideTheModel() {
        for (Object value : new Object[] {1.5f, new Object(), List.of(), 'c', new int[0]}) {
            assertThatThrownBy(() -> codec.encode(value)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("BDF has no type for");
        }
    }

    @Test
    void refusesNestingTheReaderWouldReject() {
        BdfList five = BdfList.of(BdfList.of(BdfList.of(BdfList.of(new BdfList()))));
        assertThat(hex(five)).isEqualTo("60606060608080808080");
        assertThatThrownBy(() -> codec.encode(BdfList.of(five))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Nesting deeper than 5 levels");
        assertThatThrownBy(() -> codec.encode(new BdfDictionary().with("a", five)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aListThatContainsItselfFailsCleanly() {
        BdfList cycle = new BdfList();
        cycle.add(cycle);
        assertThatThrownBy(() -> codec.encode(cycle)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesSuccessiveValuesToAStream() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BdfWriter writer = codec.createWriter(out);
        writer.write(true);
        writer.write(null);
        writer.write(new BdfDictionary().with("b", 2).with("a", new byte[] {(byte) 0xff}));
        assertThat(Bytes.toHex(out.toByteArray())).isEqualTo("11" + "00" + "70" + "410161" + "5101ff" + "410162" + "2102" + "80");
    }

    private String hex(Object value) {
        return Bytes.toHex(codec.encode(value));
    }
}
