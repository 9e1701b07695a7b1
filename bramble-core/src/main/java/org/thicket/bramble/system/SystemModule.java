package org.thicket.bramble.system;

import com.google.inject.AbstractModule;
import jakarta.inject.Singleton;
import org.thicket.bramble.system.api.Clock;

/** Binds the {@link Clock} to the host's wall clock. */
public final class SystemModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(Clock.class).to(SystemClock.class).in(Singleton.class);
    }
}
