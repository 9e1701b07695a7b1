package org.thicket.messenger.messaging;

import com.google.inject.Guice;
import org.thicket.bramble.data.DataModule;
import org.thicket.bramble.data.api.BdfCodec;
import org.thicket.bramble.system.api.Clock;

/** The real codec (bound by bramble's DataModule, whose implementation is package-private) and the two impls. */
final class MessagingFixture {

    static final BdfCodec CODEC = Guice.createInjector(new DataModule()).getInstance(BdfCodec.class);

    private MessagingFixture() {
    }

    static PrivateMessageFactoryImpl factory() {
        return new PrivateMessageFactoryImpl(CODEC);
    }

    static PrivateMessageValidatorImpl validator(Clock clock) {
        return new PrivateMessageValidatorImpl(CODEC, clock);
    }
}
