package org.thicket.messenger;

import com.google.inject.AbstractModule;
import java.nio.file.Path;
import org.thicket.bramble.BrambleCoreModule;
import org.thicket.messenger.contact.InPersonAddingModule;
import org.thicket.messenger.messaging.MessagingModule;
import org.thicket.messenger.qr.QrModule;

/**
 * One account's whole core: bramble's core module for the data directory, then the application clients. The order
 * is the order of contributed lifecycle hooks and services, so the clients' come after the core's.
 */
public final class MessengerCoreModule extends AbstractModule {

    private final Path dataDirectory;

    public MessengerCoreModule(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    @Override
    protected void configure() {
        install(new BrambleCoreModule(dataDirectory));
        install(new MessagingModule());
        install(new QrModule());
        install(new InPersonAddingModule());
    }
}
