package org.thicket.messenger.headless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.util.Modules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thicket.bramble.rendezvous.api.RendezvousConfig;

class TestRendezvousTimesTest {

    @Test
    void withoutThePropertyNothingIsOverridden() throws Exception {
        assertThat(TestRendezvousTimes.overrides(null)).isEmpty();
    }

    @Test
    void replacesTheDefaultSchedule() throws Exception {
        var defaults = Modules.override(binder -> OptionalBinder.newOptionalBinder(binder, RendezvousConfig.class)
                .setDefault().toInstance(RendezvousConfig.DEFAULT));

        RendezvousConfig config = Guice.createInjector(defaults.with(TestRendezvousTimes.overrides("500,60000")))
                .getInstance(Key.get(RendezvousConfig.class));

        assertThat(config).isEqualTo(new RendezvousConfig(500, 60_000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "500", "99,1000", "1000,999", "500,60000,1", "-500,600", " 500,600", "5e2,600",
            "500,", "1234567890123,1234567890124"})
    void refusesAnythingButTwoOrderedTimes(String value) {
        ExitException e = catchThrowableOfType(ExitException.class, () -> TestRendezvousTimes.overrides(value));

        assertThat(e.code()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).isEqualTo("thicket.test.rendezvousMs must be POLLING,TIMEOUT in milliseconds with "
                + "100 <= POLLING <= TIMEOUT, not " + value);
    }
}
