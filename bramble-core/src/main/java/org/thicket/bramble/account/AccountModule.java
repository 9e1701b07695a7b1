package org.thicket.bramble.account;

import com.google.inject.AbstractModule;
import org.thicket.bramble.account.api.AccountManager;

/** Binds the account manager. The app binds {@link org.thicket.bramble.account.api.AccountConfig}. */
public final class AccountModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(AccountManager.class).to(AccountManagerImpl.class);
    }
}
