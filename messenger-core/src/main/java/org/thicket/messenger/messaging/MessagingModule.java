package org.thicket.messenger.messaging;

import static org.thicket.messenger.messaging.api.MessagingConstants.CLIENT;
import static org.thicket.messenger.messaging.api.MessagingConstants.CLIENT_VERSION;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
import jakarta.inject.Singleton;
import org.thicket.bramble.contact.api.ContactHook;
import org.thicket.bramble.lifecycle.api.OpenDatabaseHook;
import org.thicket.bramble.lifecycle.api.Service;
import org.thicket.bramble.sync.api.AckHandler;
import org.thicket.bramble.validation.ValidationModule;
import org.thicket.bramble.versioning.api.ClientVersion;
import org.thicket.bramble.versioning.api.ClientVersioningHook;
import org.thicket.messenger.messaging.api.MessagingManager;
import org.thicket.messenger.messaging.api.PrivateMessageFactory;
import org.thicket.messenger.messaging.api.PrivateMessageValidator;

/**
 * The private-messaging client: the format layer, the {@link MessagingManager}, and its contributions to the core
 * (contact hook, open-database hook, validator, delivery hook, versioning hook, the ack handler that marks
 * messages delivered).
 * Needs bramble's core module and a {@link org.thicket.bramble.versioning.api.ClientVersioningManager}.
 */
public final class MessagingModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(PrivateMessageFactory.class).to(PrivateMessageFactoryImpl.class);
        bind(PrivateMessageValidator.class).to(PrivateMessageValidatorImpl.class);
        bind(MessagingManager.class).to(MessagingManagerImpl.class);

        Multibinder.newSetBinder(binder(), ContactHook.class).addBinding().to(MessagingContactHook.class);
        Multibinder.newSetBinder(binder(), OpenDatabaseHook.class).addBinding().to(MessagingContactHook.class);
        // The map ClientVersioningModule.clients(binder()) returns: same key and value types, so the same binding.
        MapBinder.newMapBinder(binder(), ClientVersion.class, ClientVersioningHook.class)
                .addBinding(CLIENT_VERSION).to(MessagingContactHook.class);
        ValidationModule.validators(binder()).addBinding(CLIENT).to(MessagingValidator.class);
        ValidationModule.hooks(binder()).addBinding(CLIENT).to(IncomingMessages.class);

        bind(DeliveryTracker.class).in(Singleton.class);
        Multibinder.newSetBinder(binder(), Service.class).addBinding().to(DeliveryTracker.class);
        Multibinder.newSetBinder(binder(), AckHandler.class).addBinding().to(DeliveryTracker.class);
    }
}
