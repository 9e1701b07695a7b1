package org.thicket.bramble.connection;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import jakarta.inject.Singleton;
import org.thicket.bramble.connection.api.ConnectionManager;
import org.thicket.bramble.connection.api.ConnectionRegistry;
import org.thicket.bramble.connection.api.TransportPreference;
import org.thicket.bramble.lifecycle.api.Service;

/**
 * Binds the connection registry and manager (a service, so it can end the connections when the app stops), and
 * declares the set of {@link TransportPreference}s apps contribute to (empty by default: desktop has no transport it
 * prefers to another).
 */
public final class ConnectionModule extends AbstractModule {

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), TransportPreference.class);
        bind(ConnectionRegistry.class).to(ConnectionRegistryImpl.class).in(Singleton.class);
        bind(ConnectionManagerImpl.class).in(Singleton.class);
        bind(ConnectionManager.class).to(ConnectionManagerImpl.class);
        Multibinder.newSetBinder(binder(), Service.class).addBinding().to(ConnectionManagerImpl.class);
    }
}
