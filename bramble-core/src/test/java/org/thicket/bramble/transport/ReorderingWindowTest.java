package org.thicket.bramble.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thicket.bramble.transport.api.TransportConstants.MAX_STREAM_NUMBER;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ReorderingWindowTest {

    private static List<Long> range(long fromInclusive, long toExclusive) {
        return LongStream.range(fromInclusive, toExclusive).boxed().toList();
    }

    @Test
    void aFreshWindowExpectsStreamsZeroToThirtyOne() {
        ReorderingWindow w = new ReorderingWindow();
        assertThat(w.unseen()).isEqualTo(range(0, 32));
        assertThat(w.isUnseen(-1)).isFalse();
        assertThat(w.isUnseen(32)).isFalse();
    }

    @Test
    void seeingTheLowestNumberSlidesByOne() {
        ReorderingWindow.Change c = new ReorderingWindow().markSeen(0);
        assertThat(c.window()).isEqualTo(new ReorderingWindow(1, 0));
        assertThat(c.added()).containsExactly(32L);
        assertThat(c.removed()).containsExactly(0L);
    }

    @Test
    void seeingANumberInTheLowerHalfAboveAnUnseenOneDoesNotSlide() {
        ReorderingWindow.Change c = new ReorderingWindow().markSeen(15);
        assertThat(c.window().base()).isZero();
        assertThat(c.window().bitmap()).isEqualTo(1 << 16);
        assertThat(c.added()).isEmpty();
        assertThat(c.removed()).containsExactly(15L);
        assertThat(c.window().isUnseen(15)).isFalse();
        assertThat(c.window().unseen()).hasSize(31).doesNotContain(15L);
    }

    @Test
    void seeingTheMidpointSlidesItIntoTheLowerHalf() {
        ReorderingWindow.Change c = new ReorderingWindow().markSeen(16);
        assertThat(c.window().base()).isEqualTo(1);
        assertThat(c.added()).containsExactly(32L);
        // 0 was never seen and leaves the window unseen: its tag must go too.
        assertThat(c.removed()).containsExactly(0L, 16L);
        assertThat(c.window().unseen()).isEqualTo(concat(range(1, 16), range(17, 33)));
    }

    @Test
    void seeingTheTopSlidesSixteen() {
        ReorderingWindow.Change c = new ReorderingWindow().markSeen(31);
        assertThat(c.window().base()).isEqualTo(16);
        assertThat(c.added()).isEqualTo(range(32, 48));
        assertThat(c.removed()).isEqualTo(concat(range(0, 16), List.of(31L)));
        assertThat(c.window().unseen()).isEqualTo(concat(range(16, 31), range(32, 48)));
    }

    @Test
    void slidesPastEverySeenNumberAtTheBottom() {
        ReorderingWindow w = new ReorderingWindow().markSeen(1).window().markSeen(2).window()
                .markSeen(4).window();
        assertThat(w.base()).isZero();
        ReorderingWindow.Change c = w.markSeen(0);
        assertThat(c.window().base()).isEqualTo(3);
        assertThat(c.added()).containsExactly(32L, 33L, 34L);
        assertThat(c.removed()).containsExactly(0L);
        assertThat(c.window().isUnseen(3)).isTrue();
        assertThat(c.window().isUnseen(4)).isFalse();
    }

    @Test
    void refusesSeenAndOutOfWindowNumbers() {
        ReorderingWindow w = new ReorderingWindow().markSeen(5).window();
        assertThatThrownBy(() -> w.markSeen(5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.markSeen(32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.markSeen(-1)).isInstanceOf(IllegalArgumentException.class);
        ReorderingWindow moved = new ReorderingWindow(100, 0);
        assertThatThrownBy(() -> moved.markSeen(99)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numbersAboveTheLargestStreamNumberNeverEnter() {
        long base = MAX_STREAM_NUMBER - 9;
        ReorderingWindow w = new ReorderingWindow(base, 0);
        assertThat(w.unseen()).isEqualTo(range(base, MAX_STREAM_NUMBER + 1));
        assertThat(w.isUnseen(MAX_STREAM_NUMBER + 1)).isFalse();
        ReorderingWindow.Change c = w.markSeen(base);
        assertThat(c.added()).isEmpty();
        assertThat(c.removed()).containsExactly(base);
    }

    @Test
    void theLargestStreamNumberCanBeSeenAndTheWindowEmpties() {
        ReorderingWindow w = new ReorderingWindow(MAX_STREAM_NUMBER, 0);
        assertThat(w.unseen()).containsExactly(MAX_STREAM_NUMBER);
        ReorderingWindow.Change c = w.markSeen(MAX_STREAM_NUMBER);
        assertThat(c.window().base()).isEqualTo(MAX_STREAM_NUMBER + 1);
        assertThat(c.window().unseen()).isEmpty();
        assertThat(c.added()).isEmpty();
        assertThatThrownBy(() -> new ReorderingWindow(MAX_STREAM_NUMBER + 2, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBitmapKeepsTheFirstNumberInTheMostSignificantBit() {
        ReorderingWindow w = new ReorderingWindow(10, 0x8000_0001);
        assertThat(w.isUnseen(10)).isFalse();
        assertThat(w.isUnseen(41)).isFalse();
        assertThat(w.unseen()).isEqualTo(range(11, 41));
    }

    /**
     * Against a model: a set of seen numbers. After every step the window's unseen numbers are exactly the old ones
     * minus removed plus added, nothing in the upper half is seen, the lowest number is unseen, and a number is
     * accepted only once.
     */
    @Test
    void randomWalkKeepsTheInvariantsAndAcceptsEachNumberOnce() {
        Random random = new Random(20240101);
        for (int run = 0; run < 20; run++) {
            ReorderingWindow w = new ReorderingWindow(run == 0 ? 0 : MAX_STREAM_NUMBER - 200, 0);
            TreeSet<Long> seen = new TreeSet<>();
            for (int step = 0; step < 300 && !w.unseen().isEmpty(); step++) {
                List<Long> unseen = w.unseen();
                long n = unseen.get(random.nextInt(unseen.size()));
                ReorderingWindow.Change c = w.markSeen(n);
                assertThat(seen.add(n)).isTrue();
                List<Long> expected = new ArrayList<>(unseen);
                expected.removeAll(c.removed());
                expected.addAll(c.added());
                assertThat(c.window().unseen()).isEqualTo(expected);
                assertInvariants(c.window(), seen);
                w = c.window();
            }
        }
    }

    private static void assertInvariants(ReorderingWindow w, TreeSet<Long> seen) {
        for (int i = 0; i < 32; i++) {
            long n = w.base() + i;
            if (n > MAX_STREAM_NUMBER) continue;
            assertThat(w.isUnseen(n)).as("stream %d", n).isEqualTo(!seen.contains(n));
            if (i >= 16 || i == 0) assertThat(w.isUnseen(n)).as("stream %d at offset %d", n, i).isTrue();
        }
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        List<Long> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
