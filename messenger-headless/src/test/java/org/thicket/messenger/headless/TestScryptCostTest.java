package org.thicket.messenger.headless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.inject.Guice;
import com.google.inject.Module;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thicket.bramble.crypto.api.ScryptCost;

class TestScryptCostTest {

    @Test
    void withoutThePropertyNothingIsOverridden() throws Exception {
        assertThat(TestScryptCost.overrides(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 2048, 1 << 20})
    void bindsAFixedCost(int n) throws Exception {
        Module[] overrides = TestScryptCost.overrides(Integer.toString(n));

        assertThat(Guice.createInjector(overrides).getInstance(ScryptCost.class).n()).isEqualTo(n);
    }

    @ParameterizedTest
    @ValueSource(strings = {"512", "2", "1000", "3072", "2097152", "-1024", "0x400", "", "1024 "})
    void refusesACostBelow1024OrNotAPowerOfTwo(String value) {
        ExitException e = catchThrowableOfType(ExitException.class, () -> TestScryptCost.overrides(value));

        assertThat(e.code()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).isEqualTo(
                "thicket.test.scryptN must be a power of two from 1024 to 1048576, not " + value);
    }
}
