package org.thicket.bramble.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thicket.bramble.plugin.api.BackoffFactory.STANDARD_BASE;
import static org.thicket.bramble.plugin.api.BackoffFactory.STANDARD_MAX_INTERVAL_MS;
import static org.thicket.bramble.plugin.api.BackoffFactory.STANDARD_MIN_INTERVAL_MS;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.plugin.api.Backoff;

class BackoffImplTest {

    /** round(60000 * 1.2^n) capped at 600000, for n = 0..15, computed in Python. */
    private static final List<Long> STANDARD_INTERVALS = List.of(60_000L, 72_000L, 86_400L, 103_680L, 124_416L,
            149_299L, 179_159L, 214_991L, 257_989L, 309_587L, 371_504L, 445_805L, 534_966L, 600_000L, 600_000L,
            600_000L);

    private final Backoff backoff =
            new BackoffFactoryImpl().createBackoff(STANDARD_MIN_INTERVAL_MS, STANDARD_MAX_INTERVAL_MS, STANDARD_BASE);

    @Test
    void standardScheduleGrowsByOnePointTwoUpToTenMinutes() {
        List<Long> intervals = new ArrayList<>();
        for (int n = 0; n < STANDARD_INTERVALS.size(); n++) {
            intervals.add(backoff.getPollingInterval());
            backoff.increment();
        }
        assertThat(intervals).isEqualTo(STANDARD_INTERVALS);
    }

    @Test
    void resetFallsBackToTheMinimum() {
        for (int n = 0; n < 5; n++) backoff.increment();
        backoff.reset();
        assertThat(backoff.getPollingInterval()).isEqualTo(60_000L);
        backoff.increment();
        assertThat(backoff.getPollingInterval()).isEqualTo(72_000L);
    }

    @Test
    void countingStopsAtTheMaximumSoOneResetUndoesAnyNumberOfPolls() {
        for (int n = 0; n < 100_000; n++) backoff.increment();
        assertThat(backoff.getPollingInterval()).isEqualTo(600_000L);
        backoff.reset();
        assertThat(backoff.getPollingInterval()).isEqualTo(60_000L);
    }

    @Test
    void baseOneNeverGrows() {
        Backoff flat = new BackoffImpl(1_000, 5_000, 1.0);
        flat.increment();
        flat.increment();
        assertThat(flat.getPollingInterval()).isEqualTo(1_000L);
    }

    @Test
    void badParametersAreRefused() {
        assertThatThrownBy(() -> new BackoffImpl(0, 10, 1.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackoffImpl(10, 9, 1.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackoffImpl(10, 20, 0.9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackoffImpl(10, 20, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
