package org.thicket.bramble.system;

import com.google.inject.Guice;
import com.google.inject.Injector;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.test.SettableClock;

import static org.assertj.core.api.Assertions.assertThat;

class ClockTest {

    @Test
    void systemModuleBindsOneClockThatReadsTheHostClock() {
        Injector injector = Guice.createInjector(new SystemModule());
        Clock clock = injector.getInstance(Clock.class);

        long before = System.currentTimeMillis();
        long now = clock.currentTimeMillis();
        long after = System.currentTimeMillis();

        assertThat(now).isBetween(before, after);
        assertThat(clock.isReasonable()).isTrue();
        assertThat(injector.getInstance(Clock.class)).isSameAs(clock);
    }

    @Test
    void reasonableRangeIncludesBothBoundsAndNothingOutside() {
        SettableClock clock = new SettableClock();
        assertThat(clock.isReasonable()).isTrue();

        clock.set(Clock.MIN_REASONABLE_TIME_MS);
        assertThat(clock.isReasonable()).isTrue();
        clock.advance(-1);
        assertThat(clock.isReasonable()).isFalse();

        clock.set(Clock.MAX_REASONABLE_TIME_MS);
        assertThat(clock.isReasonable()).isTrue();
        clock.advance(1);
        assertThat(clock.isReasonable()).isFalse();
    }
}
