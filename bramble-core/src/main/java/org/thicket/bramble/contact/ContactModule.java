package org.thicket.bramble.contact;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import jakarta.inject.Singleton;
import org.thicket.bramble.contact.api.ContactHook;
import org.thicket.bramble.contact.api.ContactManager;

/** Binds the contact manager and declares the set of {@link ContactHook}s that clients contribute to. */
public final class ContactModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(ContactManager.class).to(ContactManagerImpl.class).in(Singleton.class);
        Multibinder.newSetBinder(binder(), ContactHook.class);
    }
}
