package org.thicket.bramble.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.util.Modules;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.BrambleCoreModule;
import org.thicket.bramble.contact.api.ContactHook;
import org.thicket.bramble.contact.api.ContactManager;
import org.thicket.bramble.lifecycle.api.Service;
import org.thicket.bramble.lifecycle.api.ShutdownOnStop;
import org.thicket.bramble.properties.api.TransportPropertyManager;
import org.thicket.bramble.stream.api.TagEncoder;
import org.thicket.bramble.test.TestTagEncoder;
import org.thicket.bramble.transport.api.KeyManager;
import org.thicket.bramble.transport.api.RotationScheduler;
import org.thicket.bramble.transport.api.TransportCrypto;
import org.thicket.bramble.transport.api.TransportDescriptor;
import org.thicket.bramble.versioning.api.ClientVersioningManager;

/** The transport and contact modules as the core wires them. The tag encoder comes from the stream module. */
class TransportModuleTest {

    @TempDir
    Path dir;

    private Injector injector;

    private Injector core() {
        injector = Guice.createInjector(Modules.override(new BrambleCoreModule(dir))
                .with(binder -> binder.bind(TagEncoder.class).to(TestTagEncoder.class)));
        return injector;
    }

    @AfterEach
    void stopScheduler() {
        if (injector != null) scheduler().shutdownNow();
    }

    private ScheduledExecutorService scheduler() {
        return injector.getInstance(Key.get(ScheduledExecutorService.class, RotationScheduler.class));
    }

    @Test
    void theKeyManagerIsOneSingletonServiceAndItsSchedulerIsShutDownOnStop() {
        Injector i = core();
        KeyManager keyManager = i.getInstance(KeyManager.class);
        assertThat(keyManager).isInstanceOf(KeyManagerImpl.class).isSameAs(i.getInstance(KeyManager.class));
        assertThat(i.getInstance(Key.get(new TypeLiteral<Set<Service>>() { }))).contains((Service) keyManager);
        assertThat(i.getInstance(Key.get(new TypeLiteral<Set<ExecutorService>>() { }, ShutdownOnStop.class)))
                .contains(scheduler());
        assertThat(i.getInstance(TransportCrypto.class)).isSameAs(i.getInstance(TransportCrypto.class));
    }

    @Test
    void theContributedSetsExistAndOnlyTheCoresOwnClientsHookContacts() {
        Injector i = core();
        assertThat(i.getInstance(Key.get(new TypeLiteral<Set<TransportDescriptor>>() { }))).isEmpty();
        assertThat(i.getInstance(Key.get(new TypeLiteral<Set<ContactHook>>() { }))).containsExactlyInAnyOrder(
                (ContactHook) i.getInstance(ClientVersioningManager.class),
                (ContactHook) i.getInstance(TransportPropertyManager.class));
        assertThat(i.getInstance(ContactManager.class)).isSameAs(i.getInstance(ContactManager.class));
    }
}
