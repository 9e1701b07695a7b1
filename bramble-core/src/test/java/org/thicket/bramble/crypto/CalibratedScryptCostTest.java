package org.thicket.bramble.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.crypto.api.ScryptCost;

/** The calibration rule of specs/account.md, driven by fake trial times; one real calibration. */
class CalibratedScryptCostTest {

    private static final long MS = 1_000_000L;
    private static final long BIG_HEAP = 64L << 30;

    private final List<Integer> trials = new ArrayList<>();

    @Test
    void doublesWhileATrialTakesAtMostHalfASecond() {
        // 1 ms at N = 256, linear in N: 256 -> 1 ms, ..., 65536 -> 256 ms, 131072 -> 512 ms.
        CalibratedScryptCost cost = new CalibratedScryptCost(recording(n -> n / 256 * MS), BIG_HEAP);
        assertThat(cost.n()).isEqualTo(1 << 17);
        assertThat(trials).startsWith(256, 512).endsWith(1 << 17);
    }

    @Test
    void exactlyHalfASecondStillDoubles() {
        assertThat(new CalibratedScryptCost(n -> n == 256 ? 500 * MS : 501 * MS, BIG_HEAP).n()).isEqualTo(512);
    }

    @Test
    void aSlowMachineKeepsTheStartingCost() {
        assertThat(new CalibratedScryptCost(recording(n -> 900 * MS), BIG_HEAP).n()).isEqualTo(256);
        assertThat(trials).containsExactly(256);
    }

    @Test
    void aFastMachineStopsAtTwoToTheTwenty() {
        assertThat(new CalibratedScryptCost(recording(n -> MS), BIG_HEAP).n()).isEqualTo(ScryptCost.MAX_N);
        assertThat(trials).doesNotContain(ScryptCost.MAX_N);
    }

    @Test
    void memoryStaysBelowHalfTheHeap() {
        // 128 * N * 8 bytes: N = 2^14 needs 16 MiB. With a 40 MiB heap, 16 MiB < 20 MiB but 32 MiB is not.
        CalibratedScryptCost cost = new CalibratedScryptCost(n -> MS, 40L << 20);
        assertThat(cost.n()).isEqualTo(1 << 14);
        assertThat(new CalibratedScryptCost(n -> MS, 32L << 20).n()).as("exactly half is too much").isEqualTo(1 << 13);
    }

    @Test
    void calibratesOnceAndCachesTheResult() {
        CalibratedScryptCost cost = new CalibratedScryptCost(recording(n -> n / 256 * MS), BIG_HEAP);
        int first = cost.n();
        int trialsAfterFirst = trials.size();
        assertThat(cost.n()).isEqualTo(first);
        assertThat(trials).hasSize(trialsAfterFirst);
    }

    /** The one real calibration in the suite: about a second at most on this machine. */
    @Test
    void realCalibrationGivesAValidPowerOfTwo() {
        int n = new CalibratedScryptCost().n();
        assertThat(ScryptCost.isValid(n)).isTrue();
        assertThat(n).isBetween(CalibratedScryptCost.START_N, ScryptCost.MAX_N);
        assertThat(Scrypt.memoryBytes(n)).isLessThan(Runtime.getRuntime().maxMemory() / 2);
    }

    private IntToLongFunction recording(IntToLongFunction nanos) {
        return n -> {
            trials.add(n);
            return nanos.applyAsLong(n);
        };
    }
}
