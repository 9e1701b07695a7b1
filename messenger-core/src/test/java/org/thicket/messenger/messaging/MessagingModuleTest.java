package org.thicket.messenger.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thicket.messenger.messaging.api.MessagingConstants.CLIENT;
import static org.thicket.messenger.messaging.api.MessagingConstants.CLIENT_VERSION;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.contact.api.ContactHook;
import org.thicket.bramble.lifecycle.api.OpenDatabaseHook;
import org.thicket.bramble.lifecycle.api.Service;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.util.FormatException;
import org.thicket.bramble.validation.api.ClientMajorVersion;
import org.thicket.bramble.validation.api.IncomingMessageHook;
import org.thicket.bramble.validation.api.MessageValidator;
import org.thicket.bramble.versioning.api.ClientVersion;
import org.thicket.bramble.versioning.api.ClientVersioningHook;
import org.thicket.messenger.MessengerCoreModule;
import org.thicket.messenger.messaging.api.MessagingConstants;
import org.thicket.messenger.messaging.api.PrivateMessage;
import org.thicket.messenger.messaging.api.PrivateMessageFactory;
import org.thicket.messenger.messaging.api.PrivateMessageValidator;

/** What the module contributes to the core, read from an injector of the whole messenger core; nothing starts. */
class MessagingModuleTest {

    @TempDir
    Path dataDir;

    private Injector injector() {
        return Guice.createInjector(new MessengerCoreModule(dataDir));
    }

    private static <T> T get(Injector injector, TypeLiteral<T> type) {
        return injector.getInstance(Key.get(type));
    }

    @Test
    void bindsAFactoryAndAValidatorThatAgree() throws FormatException {
        Injector injector = injector();
        PrivateMessageFactory factory = injector.getInstance(PrivateMessageFactory.class);
        PrivateMessageValidator validator = injector.getInstance(PrivateMessageValidator.class);

        byte[] body = factory.createPrivateMessageBody(PrivateMessage.ofText("hello"));

        long now = injector.getInstance(Clock.class).currentTimeMillis();
        assertThat(validator.validate(now, body).body()).isEqualTo(PrivateMessage.ofText("hello"));
    }

    @Test
    void contributesItsHooksValidatorAndServiceToTheCore() {
        Injector injector = injector();

        assertThat(get(injector, new TypeLiteral<Map<ClientMajorVersion, MessageValidator>>() { }).get(CLIENT))
                .isInstanceOf(MessagingValidator.class);
        assertThat(get(injector, new TypeLiteral<Map<ClientMajorVersion, IncomingMessageHook>>() { }).get(CLIENT))
                .isInstanceOf(IncomingMessages.class);
        assertThat(get(injector, new TypeLiteral<Map<ClientVersion, ClientVersioningHook>>() { }))
                .containsKey(new ClientVersion(MessagingConstants.CLIENT_ID, 0, 3))
                .extractingByKey(CLIENT_VERSION).isInstanceOf(MessagingContactHook.class);
        assertThat(get(injector, new TypeLiteral<Set<ContactHook>>() { }))
                .hasAtLeastOneElementOfType(MessagingContactHook.class);
        assertThat(get(injector, new TypeLiteral<Set<OpenDatabaseHook>>() { }))
                .hasAtLeastOneElementOfType(MessagingContactHook.class);
        assertThat(get(injector, new TypeLiteral<Set<Service>>() { }))
                .contains(injector.getInstance(DeliveryTracker.class));
    }
}
