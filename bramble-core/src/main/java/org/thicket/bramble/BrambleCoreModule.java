package org.thicket.bramble;

import com.google.inject.AbstractModule;
import java.nio.file.Path;
import org.thicket.bramble.account.AccountModule;
import org.thicket.bramble.account.api.AccountConfig;
import org.thicket.bramble.client.ClientModule;
import org.thicket.bramble.connection.ConnectionModule;
import org.thicket.bramble.contact.ContactModule;
import org.thicket.bramble.contactexchange.ContactExchangeModule;
import org.thicket.bramble.crypto.CryptoModule;
import org.thicket.bramble.data.DataModule;
import org.thicket.bramble.db.DatabaseModule;
import org.thicket.bramble.db.api.DatabaseConfig;
import org.thicket.bramble.event.EventModule;
import org.thicket.bramble.handshake.HandshakeModule;
import org.thicket.bramble.identity.IdentityModule;
import org.thicket.bramble.keyagreement.KeyAgreementModule;
import org.thicket.bramble.lifecycle.LifecycleModule;
import org.thicket.bramble.plugin.PluginModule;
import org.thicket.bramble.properties.PropertiesModule;
import org.thicket.bramble.record.RecordModule;
import org.thicket.bramble.rendezvous.RendezvousModule;
import org.thicket.bramble.stream.StreamModule;
import org.thicket.bramble.sync.SyncModule;
import org.thicket.bramble.system.SystemModule;
import org.thicket.bramble.transport.TransportModule;
import org.thicket.bramble.validation.ValidationModule;
import org.thicket.bramble.versioning.VersioningModule;

/**
 * Every core concern for one account's data directory. The order is the order of contributed lifecycle hooks and
 * services. Apps override single bindings (the event executor, the scrypt cost in tests) with Guice's
 * {@code Modules.override}.
 */
public final class BrambleCoreModule extends AbstractModule {

    private final Path dataDirectory;

    public BrambleCoreModule(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    @Override
    protected void configure() {
        AccountConfig accountConfig = new AccountConfig(dataDirectory);
        bind(AccountConfig.class).toInstance(accountConfig);
        bind(DatabaseConfig.class).toInstance(accountConfig::databaseDirectory);

        install(new SystemModule());
        install(new EventModule());
        install(new CryptoModule());
        install(new DataModule());
        install(new RecordModule());
        install(new DatabaseModule());
        install(new LifecycleModule());
        install(new IdentityModule());
        install(new AccountModule());
        install(new StreamModule());
        install(new SyncModule());
        install(new PluginModule());
        install(new ConnectionModule());
        install(new TransportModule());
        install(new ContactModule());
        install(new ClientModule());
        install(new ValidationModule());
        install(new VersioningModule());
        install(new PropertiesModule());
        install(new HandshakeModule());
        install(new RendezvousModule());
        install(new KeyAgreementModule());
        install(new ContactExchangeModule());
    }
}
