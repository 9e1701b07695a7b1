package org.thicket.bramble.contactexchange;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import jakarta.inject.Singleton;
import org.thicket.bramble.contactexchange.api.ContactExchangeConfig;
import org.thicket.bramble.contactexchange.api.ContactExchangeManager;

/**
 * Binds contact exchange, used after in-person (BQP) and remote (BHP) key agreement. The config is an optional
 * binding with {@link ContactExchangeConfig#DEFAULT} as default, so a test can shorten the timeout.
 */
public final class ContactExchangeModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(ContactExchangeCrypto.class).in(Singleton.class);
        bind(ContactExchangeManager.class).to(ContactExchangeManagerImpl.class).in(Singleton.class);
        OptionalBinder.newOptionalBinder(binder(), ContactExchangeConfig.class).setDefault()
                .toInstance(ContactExchangeConfig.DEFAULT);
    }
}
