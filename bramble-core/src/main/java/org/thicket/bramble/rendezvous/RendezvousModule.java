package org.thicket.bramble.rendezvous;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import jakarta.inject.Singleton;
import org.thicket.bramble.lifecycle.api.Service;
import org.thicket.bramble.rendezvous.api.PendingContactManager;
import org.thicket.bramble.rendezvous.api.RendezvousConfig;
import org.thicket.bramble.rendezvous.api.RendezvousCrypto;

/**
 * Binds links, pending contacts and the rendezvous poller, which runs as a service. The schedule defaults to
 * {@link RendezvousConfig#DEFAULT}; tests set another with
 * {@code OptionalBinder.newOptionalBinder(binder, RendezvousConfig.class).setBinding().toInstance(...)}. Contact
 * exchange is looked up optionally: any module's plain {@code bind(ContactExchangeManager.class)} provides it.
 */
public final class RendezvousModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(RendezvousCrypto.class).to(RendezvousCryptoImpl.class).in(Singleton.class);
        bind(RendezvousPoller.class).in(Singleton.class);
        bind(PendingContactManager.class).to(PendingContactManagerImpl.class).in(Singleton.class);
        OptionalBinder.newOptionalBinder(binder(), RendezvousConfig.class).setDefault()
                .toInstance(RendezvousConfig.DEFAULT);
        Multibinder.newSetBinder(binder(), Service.class).addBinding().to(RendezvousPoller.class);
    }
}
