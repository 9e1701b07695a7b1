package org.thicket.bramble.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.BrambleCoreModule;
import org.thicket.bramble.connection.api.ConnectionManager;
import org.thicket.bramble.connection.api.ConnectionRegistry;
import org.thicket.bramble.connection.api.TransportPreference;
import org.thicket.bramble.lifecycle.api.Service;

class ConnectionModuleTest {

    @TempDir
    Path dir;

    @Test
    void bindsOneRegistryOneManagerThatIsAServiceAndNoPreferences() {
        Injector injector = Guice.createInjector(new BrambleCoreModule(dir));

        assertThat(injector.getInstance(ConnectionRegistry.class))
                .isSameAs(injector.getInstance(ConnectionRegistry.class));
        ConnectionManager manager = injector.getInstance(ConnectionManager.class);
        assertThat(manager).isInstanceOf(ConnectionManagerImpl.class)
                .isSameAs(injector.getInstance(ConnectionManager.class));
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Set<Service>>() { }))).contains((Service) manager);
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Set<TransportPreference>>() { }))).isEmpty();
    }
}
