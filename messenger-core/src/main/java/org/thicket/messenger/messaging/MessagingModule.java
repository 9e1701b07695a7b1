package org.thicket.messenger.messaging;

import com.google.inject.AbstractModule;
import org.thicket.messenger.messaging.api.PrivateMessageFactory;
import org.thicket.messenger.messaging.api.PrivateMessageValidator;

/**
 * Binds the private-messaging client's format layer (body encoding and stateless validation). Needs bramble's
 * DataModule (BdfCodec) and SystemModule (Clock). The client helper, conversation storage and hooks come later.
 */
public final class MessagingModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(PrivateMessageFactory.class).to(PrivateMessageFactoryImpl.class);
        bind(PrivateMessageValidator.class).to(PrivateMessageValidatorImpl.class);
    }
}
