package org.thicket.bramble.versioning;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
import jakarta.inject.Singleton;
import org.thicket.bramble.contact.api.ContactHook;
import org.thicket.bramble.lifecycle.api.Service;
import org.thicket.bramble.validation.ValidationModule;
import org.thicket.bramble.validation.api.ClientMajorVersion;
import org.thicket.bramble.versioning.api.ClientVersion;
import org.thicket.bramble.versioning.api.ClientVersioningHook;
import org.thicket.bramble.versioning.api.ClientVersioningManager;

/**
 * Binds the versioning client and declares the map of versioned clients. A client whose contact groups should follow
 * what each contact runs contributes itself with
 * <pre>{@code
 * VersioningModule.clients(binder()).addBinding(new ClientVersion(id, major, minor)).to(FooHook.class);
 * }</pre>
 * One client and major version may be contributed once (with one minor version); a second is refused when the
 * versioning client first reads the map. The versioning client registers its validator and delivery hook, its
 * contact hook (which makes the always-shared versioning group) and its service (which sends a new update to every
 * contact when the app's clients changed since the last run).
 */
public final class VersioningModule extends AbstractModule {

    public static MapBinder<ClientVersion, ClientVersioningHook> clients(Binder binder) {
        return MapBinder.newMapBinder(binder, ClientVersion.class, ClientVersioningHook.class);
    }

    @Override
    protected void configure() {
        clients(binder());
        bind(ClientVersioningManagerImpl.class).in(Singleton.class);
        bind(ClientVersioningManager.class).to(ClientVersioningManagerImpl.class);
        ClientMajorVersion key =
                new ClientMajorVersion(ClientVersioningManager.CLIENT_ID, ClientVersioningManager.MAJOR_VERSION);
        ValidationModule.validators(binder()).addBinding(key).to(ClientVersioningValidator.class);
        ValidationModule.hooks(binder()).addBinding(key).to(ClientVersioningManagerImpl.class);
        Multibinder.newSetBinder(binder(), ContactHook.class).addBinding().to(ClientVersioningManagerImpl.class);
        Multibinder.newSetBinder(binder(), Service.class).addBinding().to(ClientVersioningManagerImpl.class);
    }
}
