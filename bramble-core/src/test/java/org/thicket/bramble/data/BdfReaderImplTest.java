package org.thicket.bramble.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.data.api.BdfCodec;
import org.thicket.bramble.data.api.BdfDictionary;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.data.api.BdfReader;
import org.thicket.bramble.util.Bytes;
import org.thicket.bramble.util.FormatException;

class BdfReaderImplTest {

    /** RAW_32 claiming 2^31-1 bytes, followed by only two. */
    private static final byte[] HOSTILE_RAW = Bytes.fromHex("547fffffff0102");

    private final BdfCodec codec = new BdfCodecImpl(BdfCodec.DEFAULT_MAX_LENGTH);

    @Test
    void hostileLengthFailsOnTheLimitBeforeReadingTheBody() {
        assertThatThrownBy(() -> codec.decode(HOSTILE_RAW))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("Length 2147483647 exceeds the limit of 65536 bytes");
    }

    @Test
    void hostileLengthWithoutALimitAllocatesOnlyWhatTheInputHolds() {
        BdfCodec unlimited = codec.withMaxLength(Integer.MAX_VALUE);
        long allocated = allocatedBytesDuring(() -> {
            assertThatThrownBy(() -> unlimited.decode(HOSTILE_RAW)).hasMessageContaining("Unexpected end of input");
            // A stream that is not a ByteArrayInputStream takes the generic, chunked InputStream.readNBytes.
            BdfReader reader = unlimited.createReader(new FilterInputStream(new ByteArrayInputStream(HOSTILE_RAW)) { });
            assertThatThrownBy(reader::readValue).hasMessageContaining("Unexpected end of input");
        });
        assertThat(allocated).isLessThan(16 << 20);
    }

    @Test
    void lengthLimitIsInclusive() throws FormatException {
        byte[] largest = codec.encode(new byte[BdfCodec.DEFAULT_MAX_LENGTH]);
        byte[] tooLong = codec.encode(new byte[BdfCodec.DEFAULT_MAX_LENGTH + 1]);
        assertThat((byte[]) codec.decode(largest)).hasSize(BdfCodec.DEFAULT_MAX_LENGTH);
        assertThatThrownBy(() -> codec.decode(tooLong)).hasMessageContaining("exceeds the limit of 65536 bytes");
        assertThat(codec.decode(codec.encode("a".repeat(BdfCodec.DEFAULT_MAX_LENGTH)))).isNotNull();
        assertThatThrownBy(() -> codec.decode(codec.encode("a".repeat(BdfCodec.DEFAULT_MAX_LENGTH + 1))))
                .hasMessageContaining("exceeds the limit");
    }

    @Test
    void configuredLimitAppliesToStringsRawsAndKeys() throws FormatException {
        BdfCodec small = codec.withMaxLength(4);
        assertThat(small.getMaxLength()).isEqualTo(4);
        assertThat(small.decode(codec.encode("abcd"))).isEqualTo("abcd");
        assertThatThrownBy(() -> small.decode(codec.encode("abcde"))).hasMessageContaining("exceeds the limit of 4");
        assertThatThrownBy(() -> small.decode(codec.encode(new byte[5]))).hasMessageContaining("exceeds the limit of 4");
        assertThatThrownBy(() -> small.decode(codec.encode(new BdfDictionary().with("abcde", 1))))
                .hasMessageContaining("exceeds the limit of 4");
        assertThatThrownBy(() -> codec.withMaxLength(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsSuccessiveValuesFromAStream() throws IOException {
        BdfReader reader = codec.createReader(new ByteArrayInputStream(Bytes.fromHex("2101" + "6080" + "7080" + "00")));
        assertThat(reader.eof()).isFalse();
        assertThat(reader.readValue()).isEqualTo(1L);
        assertThat(reader.readList()).isEmpty();
        assertThat(reader.readDictionary()).isEmpty();
        assertThat(reader.readValue()).isNull();
        assertThat(reader.eof()).isTrue();
        assertThatThrownBy(reader::readValue).hasMessageContaining("Unexpected end of input");
    }

    @Test
    void leavesTheBytesAfterAValueInTheStream() throws IOException {
        // A BDF header followed by non-BDF bytes, as in an attachment: the reader must not read ahead.
        InputStream in = new ByteArrayInputStream(Bytes.fromHex("60210180" + "ff"));
        assertThat(codec.createReader(in).readList()).isEqualTo(BdfList.of(1));
        assertThat(in.read()).isEqualTo(0xff);
    }

    @Test
    void typedReadRejectsAnotherTypeWithoutConsumingIt() throws IOException {
        BdfReader reader = codec.createReader(new ByteArrayInputStream(Bytes.fromHex("7080")));
        assertThatThrownBy(reader::readList).hasMessage("Expected a LIST, found type code 0x70");
        assertThat(reader.readDictionary()).isEmpty();
        assertThatThrownBy(reader::readDictionary).hasMessageContaining("Unexpected end of input");
    }

    @Test
    void decodeOfATypeRequiresThatType() {
        assertThatThrownBy(() -> codec.decodeList(Bytes.fromHex("7080"))).hasMessageContaining("Expected a LIST");
        assertThatThrownBy(() -> codec.decodeDictionary(Bytes.fromHex("6080"))).hasMessageContaining("Expected a DICTIONARY");
        assertThatThrownBy(() -> codec.decodeList(Bytes.fromHex("608000"))).hasMessageContaining("Trailing bytes");
        assertThatThrownBy(() -> codec.decodeList(new byte[0])).hasMessageContaining("Unexpected end of input");
    }

    @Test
    void decodedValuesUseTheModelTypes() throws FormatException {
        BdfList list = codec.decodeList(Bytes.fromHex("6000112101383ff800000000000041016151010180"));
        assertThat(list).containsExactly(null, true, 1L, 1.5, "a", new byte[] {1});
        assertThat(list.get(2)).isInstanceOf(Long.class);
        assertThat(list.get(5)).isInstanceOf(byte[].class);
    }

    private static long allocatedBytesDuring(Runnable work) {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        work.run();
        return threads.getThreadAllocatedBytes(id) - before;
    }
}
