package org.thicket.bramble.properties;

import static org.thicket.bramble.properties.api.TransportPropertyManager.CLIENT_ID;
import static org.thicket.bramble.properties.api.TransportPropertyManager.MAJOR_VERSION;
import static org.thicket.bramble.properties.api.TransportPropertyManager.MINOR_VERSION;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import jakarta.inject.Singleton;
import org.thicket.bramble.contact.api.ContactHook;
import org.thicket.bramble.lifecycle.api.OpenDatabaseHook;
import org.thicket.bramble.plugin.api.TransportPropertyStore;
import org.thicket.bramble.properties.api.TransportPropertyManager;
import org.thicket.bramble.validation.ValidationModule;
import org.thicket.bramble.validation.api.ClientMajorVersion;
import org.thicket.bramble.versioning.VersioningModule;
import org.thicket.bramble.versioning.api.ClientVersion;

/**
 * Binds the transport-properties client as the app's {@link TransportPropertyStore}, which the plugins and the
 * poller read and write through, and contributes its validator, delivery hook, contact hook, open-database hook (the
 * local group) and its entry in the versioned clients, so its contact groups are shared with the contacts that run it.
 */
public final class PropertiesModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(TransportPropertyManagerImpl.class).in(Singleton.class);
        bind(TransportPropertyManager.class).to(TransportPropertyManagerImpl.class);
        bind(TransportPropertyStore.class).to(TransportPropertyManagerImpl.class);
        ClientMajorVersion key = new ClientMajorVersion(CLIENT_ID, MAJOR_VERSION);
        ValidationModule.validators(binder()).addBinding(key).to(TransportPropertyValidator.class);
        ValidationModule.hooks(binder()).addBinding(key).to(TransportPropertyManagerImpl.class);
        VersioningModule.clients(binder()).addBinding(new ClientVersion(key, MINOR_VERSION))
                .to(TransportPropertyManagerImpl.class);
        Multibinder.newSetBinder(binder(), OpenDatabaseHook.class).addBinding().to(TransportPropertyManagerImpl.class);
        Multibinder.newSetBinder(binder(), ContactHook.class).addBinding().to(TransportPropertyManagerImpl.class);
    }
}
