package org.thicket.messenger.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.lifecycle.api.StartResult;

class StartFailuresTest {

    @Test
    void describesEveryResultDifferently() {
        assertThat(Arrays.stream(StartResult.values()).map(StartFailures::describe).distinct())
                .hasSize(StartResult.values().length);
        assertThat(StartFailures.describe(StartResult.CLOCK_ERROR)).startsWith("Your computer's clock is wrong");
    }
}
