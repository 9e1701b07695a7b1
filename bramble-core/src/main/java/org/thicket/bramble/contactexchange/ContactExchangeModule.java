package org.thicket.bramble.contactexchange;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import jakarta.inject.Singleton;
import org.thicket.bramble.contactexchange.api.ContactExchangeConfig;
import org.thicket.bramble.contactexchange.api.ContactExchangeManager;

/**
 * Binds contact exchange, used after in-person (BQP) and remote (BHP) key agreement. The manager and the config
 * are optional bindings with defaults, so a test can record the exchanges a protocol starts or shorten the timeout.
 */
public final class ContactExchangeModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(ContactExchangeCrypto.class).in(Singleton.class);
        bind(ContactExchangeManagerImpl.class).in(Singleton.class);
        OptionalBinder.newOptionalBinder(binder(), ContactExchangeManager.class).setDefault()
                .to(ContactExchangeManagerImpl.class);
        OptionalBinder.newOptionalBinder(binder(), ContactExchangeConfig.class).setDefault()
                .toInstance(ContactExchangeConfig.DEFAULT);
    }
}
