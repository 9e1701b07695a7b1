package org.thicket.bramble.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.data.api.BdfCodec;

class DataModuleTest {

    @Test
    void bindsOneCodecWithTheDefaultLimit() {
        Injector injector = Guice.createInjector(new DataModule());
        BdfCodec codec = injector.getInstance(BdfCodec.class);
        assertThat(codec.getMaxLength()).isEqualTo(BdfCodec.DEFAULT_MAX_LENGTH);
        assertThat(injector.getInstance(BdfCodec.class)).isSameAs(codec);
    }
}
