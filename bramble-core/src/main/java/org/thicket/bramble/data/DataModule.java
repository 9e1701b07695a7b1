package org.thicket.bramble.data;

import com.google.inject.AbstractModule;
import org.thicket.bramble.data.api.BdfCodec;

/** Binds the BDF codec with the default limits; it is immutable, so one instance serves everyone. */
public final class DataModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(BdfCodec.class).toInstance(new BdfCodecImpl(BdfCodec.DEFAULT_MAX_LENGTH));
    }
}
