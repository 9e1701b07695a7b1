package org.thicket.bramble.plugin.tor;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import org.thicket.bramble.account.api.AccountConfig;
import org.thicket.bramble.plugin.api.DuplexPluginFactory;
import org.thicket.bramble.plugin.tor.api.TorConfig;

/**
 * Contributes the Tor transport. Its configuration defaults to {@code <data directory>/tor} with a system or bundled
 * tor and free ports; an app or a test replaces it with
 * {@code OptionalBinder.newOptionalBinder(binder(), TorConfig.class).setBinding().toInstance(...)}.
 */
public final class TorModule extends AbstractModule {

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), DuplexPluginFactory.class).addBinding().to(TorPluginFactory.class);
        OptionalBinder.newOptionalBinder(binder(), TorConfig.class).setDefault().toProvider(DefaultConfig.class);
    }

    /** Tor's directory beside the account's database. */
    static final class DefaultConfig implements Provider<TorConfig> {

        private final AccountConfig account;

        @Inject
        DefaultConfig(AccountConfig account) {
            this.account = account;
        }

        @Override
        public TorConfig get() {
            return TorConfig.defaults(account.dataDirectory().resolve("tor"));
        }
    }
}
