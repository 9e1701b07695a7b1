package org.thicket.bramble.client;

import com.google.inject.AbstractModule;
import org.thicket.bramble.client.api.ClientHelper;
import org.thicket.bramble.client.api.ContactGroupFactory;

/** Binds what every client builds on: the client helper and contact/local group creation. Both are stateless. */
public final class ClientModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(ClientHelper.class).to(ClientHelperImpl.class);
        bind(ContactGroupFactory.class).to(ContactGroupFactoryImpl.class);
    }
}
