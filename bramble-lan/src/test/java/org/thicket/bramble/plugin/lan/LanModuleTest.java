package org.thicket.bramble.plugin.lan;

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
import org.thicket.bramble.lifecycle.api.OpenDatabaseHook;
import org.thicket.bramble.plugin.api.DuplexPluginFactory;
import org.thicket.bramble.transport.api.TransportDescriptor;

class LanModuleTest {

    @TempDir
    Path dir;

    @Test
    void contributesTheLanFactoryToThePluginManagersSet() {
        Set<DuplexPluginFactory> factories = factories(new LanModule());

        assertThat(factories).singleElement().satisfies(factory -> {
            assertThat(factory.getId()).isEqualTo(LanConstants.ID);
            assertThat(factory.getId().value()).isEqualTo("org.briarproject.bramble.lan");
            assertThat(factory.getMaxLatency()).isEqualTo(30_000);
            assertThat(factory.createPlugin(LanTestSupport.loopbackCallback()).getMaxIdleTime()).isEqualTo(30_000);
        });
    }

    @Test
    void theLoopbackOnlyModuleListsNothingElse() throws Exception {
        Injector injector = injector(LanModule.loopbackOnly());

        assertThat(injector.getInstance(InterfaceLister.class).listAddresses()).isNotEmpty()
                .allSatisfy(a -> assertThat(a.address().isLoopbackAddress()).isTrue());
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Set<DuplexPluginFactory>>() { }))).hasSize(1);
        assertThat(hooks(injector)).as("turns the loopback setting on")
                .hasAtLeastOneElementOfType(AllowLoopbackHook.class);
    }

    @Test
    void describesTheTransportSoThatContactsGetKeysForIt() {
        assertThat(injector(new LanModule()).getInstance(Key.get(new TypeLiteral<Set<TransportDescriptor>>() { })))
                .contains(new TransportDescriptor(LanConstants.ID, LanConstants.MAX_LATENCY_MS));
    }

    @Test
    void theRealModuleLeavesTheLoopbackSettingAlone() {
        assertThat(hooks(injector(new LanModule()))).noneMatch(AllowLoopbackHook.class::isInstance);
    }

    private static Set<OpenDatabaseHook> hooks(Injector injector) {
        return injector.getInstance(Key.get(new TypeLiteral<Set<OpenDatabaseHook>>() { }));
    }

    private Set<DuplexPluginFactory> factories(LanModule module) {
        return injector(module).getInstance(Key.get(new TypeLiteral<Set<DuplexPluginFactory>>() { }));
    }

    private Injector injector(LanModule module) {
        // Nothing is opened: the core only supplies what PluginModule binds in the app and the database component.
        return Guice.createInjector(new BrambleCoreModule(dir), module);
    }
}
