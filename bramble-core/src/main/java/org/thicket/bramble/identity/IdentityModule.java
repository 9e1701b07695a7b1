package org.thicket.bramble.identity;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import org.thicket.bramble.identity.api.AuthorFactory;
import org.thicket.bramble.identity.api.IdentityManager;
import org.thicket.bramble.lifecycle.api.OpenDatabaseHook;

/** Binds identity creation and storage; stores a newly created identity when the database opens. */
public final class IdentityModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(AuthorFactory.class).to(AuthorFactoryImpl.class);
        bind(IdentityManager.class).to(IdentityManagerImpl.class);
        Multibinder.newSetBinder(binder(), OpenDatabaseHook.class).addBinding().to(IdentityManagerImpl.class);
    }
}
