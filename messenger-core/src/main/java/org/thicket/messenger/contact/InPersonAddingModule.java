package org.thicket.messenger.contact;

import com.google.inject.AbstractModule;
import jakarta.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import org.thicket.bramble.lifecycle.api.Service;
import org.thicket.messenger.contact.api.InPersonAdding;

/** Binds in-person adding; it is a service so that stopping the node ends a running session. */
public final class InPersonAddingModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(InPersonAddingImpl.class).in(Singleton.class);
        bind(InPersonAdding.class).to(InPersonAddingImpl.class);
        Multibinder.newSetBinder(binder(), Service.class).addBinding().to(InPersonAddingImpl.class);
    }
}
