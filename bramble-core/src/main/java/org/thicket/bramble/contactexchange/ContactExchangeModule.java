package org.thicket.bramble.contactexchange;

import com.google.inject.AbstractModule;
import jakarta.inject.Singleton;
import org.thicket.bramble.contactexchange.api.ContactExchangeManager;

/** Binds contact exchange, used after in-person (BQP) and remote (BHP) key agreement. */
public final class ContactExchangeModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(ContactExchangeCrypto.class).in(Singleton.class);
        bind(ContactExchangeManager.class).to(ContactExchangeManagerImpl.class).in(Singleton.class);
    }
}
