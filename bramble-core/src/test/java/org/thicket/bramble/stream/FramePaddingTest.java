package org.thicket.bramble.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thicket.bramble.stream.api.StreamConstants.MAX_FRAME_LENGTH;
import static org.thicket.bramble.stream.api.StreamConstants.MAX_PAYLOAD_LENGTH;

import org.junit.jupiter.api.Test;
import org.thicket.bramble.stream.api.FramePadding;

class FramePaddingTest {

    private static final int OVERHEAD = MAX_FRAME_LENGTH - MAX_PAYLOAD_LENGTH;

    @Test
    void noneNeverPads() {
        for (int n = 0; n <= MAX_PAYLOAD_LENGTH; n++) assertThat(FramePadding.NONE.contentLength(n)).isEqualTo(n);
    }

    @Test
    void powerOfTwoPadsToTheSmallestBucketThatFits() {
        for (int n = 0; n <= MAX_PAYLOAD_LENGTH; n++) {
            int frameLength = OVERHEAD + FramePadding.POWER_OF_TWO.contentLength(n);
            int smallest = 64;
            while (smallest < OVERHEAD + n) smallest *= 2;
            assertThat(frameLength).as("payload " + n).isEqualTo(smallest);
        }
        assertThat(FramePadding.POWER_OF_TWO.contentLength(0)).isEqualTo(28);
        assertThat(FramePadding.POWER_OF_TWO.contentLength(28)).isEqualTo(28);
        assertThat(FramePadding.POWER_OF_TWO.contentLength(29)).isEqualTo(92);
        assertThat(FramePadding.POWER_OF_TWO.contentLength(477)).isEqualTo(988);
        assertThat(FramePadding.POWER_OF_TWO.contentLength(988)).isEqualTo(988);
    }

    @Test
    void rejectsLengthsOutsideAFrame() {
        for (FramePadding padding : FramePadding.values()) {
            assertThatThrownBy(() -> padding.contentLength(-1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> padding.contentLength(989)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
