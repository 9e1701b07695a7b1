package org.thicket.bramble.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.connection.api.ConnectionManager;
import org.thicket.bramble.connection.api.ConnectionRegistry;
import org.thicket.bramble.connection.api.TransportPreference;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.plugin.api.TransportIds;
import org.thicket.bramble.test.CapturingEventBus;

class ConnectionModuleTest {

    private final Injector injector = Guice.createInjector(new ConnectionModule(),
            binder -> binder.bind(EventBus.class).toInstance(new CapturingEventBus()));

    @Test
    void bindsOneRegistryAndNoPreferences() {
        assertThat(injector.getInstance(ConnectionRegistry.class))
                .isSameAs(injector.getInstance(ConnectionRegistry.class));
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Set<TransportPreference>>() { }))).isEmpty();
    }

    @Test
    void untilSessionsExistTheManagerReleasesEveryConnection() throws Exception {
        ConnectionManager manager = injector.getInstance(ConnectionManager.class);
        ReleaseCheck check = new ReleaseCheck();

        manager.manageIncomingConnection(TransportIds.LAN, check.connection());
        manager.manageOutgoingConnection(new ContactId(1), TransportIds.LAN,
                check.connection());
        manager.manageIncomingConnection(TransportIds.REMOVABLE_DRIVE, check.reader());
        manager.manageOutgoingConnection(new ContactId(1), TransportIds.MAILBOX,
                check.writer());

        assertThat(check.released).containsExactly("close false", "close false", "reader false false",
                "writer false");
    }
}
