package org.thicket.bramble.plugin.tor;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provider;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import jakarta.inject.Inject;
import java.util.function.UnaryOperator;
import org.thicket.bramble.account.api.AccountConfig;
import org.thicket.bramble.plugin.api.DuplexPluginFactory;
import org.thicket.bramble.plugin.tor.api.TorConfig;
import org.thicket.bramble.transport.api.TransportDescriptor;

/**
 * Contributes the Tor transport. Its configuration defaults to {@code <data directory>/tor} with a system or bundled
 * tor and free ports; an app or a test replaces it with
 * {@code OptionalBinder.newOptionalBinder(binder(), TorConfig.class).setBinding().toInstance(...)}, or changes the
 * default with {@link #adjustingConfig}.
 */
public final class TorModule extends AbstractModule {

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), DuplexPluginFactory.class).addBinding().to(TorPluginFactory.class);
        // The key manager keeps transport and handshake keys only for the transports described to it.
        Multibinder.newSetBinder(binder(), TransportDescriptor.class).addBinding()
                .toInstance(new TransportDescriptor(TorPlugin.ID, TorPlugin.MAX_LATENCY_MS));
        OptionalBinder.newOptionalBinder(binder(), TorConfig.class).setDefault().toProvider(DefaultConfig.class);
    }

    /**
     * Replaces the configuration by the default one with {@code change} applied, e.g. a tor binary or torrc lines
     * from the command line. Install it beside this module (or as an override).
     */
    public static Module adjustingConfig(UnaryOperator<TorConfig> change) {
        return binder -> {
            Provider<AccountConfig> account = binder.getProvider(AccountConfig.class);
            Provider<TorConfig> adjusted = () -> change.apply(new DefaultConfig(account.get()).get());
            OptionalBinder.newOptionalBinder(binder, TorConfig.class).setBinding().toProvider(adjusted);
        };
    }

    /** Tor's directory beside the account's database. */
    static final class DefaultConfig implements jakarta.inject.Provider<TorConfig> {

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
