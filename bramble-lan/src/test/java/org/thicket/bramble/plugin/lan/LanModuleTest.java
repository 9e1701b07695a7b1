package org.thicket.bramble.plugin.lan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.plugin.api.BackoffFactory;
import org.thicket.bramble.plugin.api.DuplexPluginFactory;
import org.thicket.bramble.plugin.api.IoExecutor;
import org.thicket.bramble.plugin.api.PluginScheduler;
import org.thicket.bramble.test.ManualScheduler;
import org.thicket.bramble.test.SettableClock;

class LanModuleTest {

    @Test
    void contributesTheLanFactoryToThePluginManagersSet() {
        Set<DuplexPluginFactory> factories = factories(new LanModule());

        assertThat(factories).singleElement().satisfies(factory -> {
            assertThat(factory.getId()).isEqualTo(LanConstants.ID);
            assertThat(factory.getId().value()).isEqualTo("org.briarproject.bramble.lan");
            assertThat(factory.getMaxLatency()).isEqualTo(30_000);
            assertThat(factory.createPlugin(MemoryCallback.loopback()).getMaxIdleTime()).isEqualTo(30_000);
        });
    }

    @Test
    void theLoopbackOnlyModuleListsNothingElse() throws Exception {
        Injector injector = injector(LanModule.loopbackOnly());

        assertThat(injector.getInstance(InterfaceLister.class).listAddresses()).isNotEmpty()
                .allSatisfy(a -> assertThat(a.address().isLoopbackAddress()).isTrue());
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Set<DuplexPluginFactory>>() { }))).hasSize(1);
    }

    private static Set<DuplexPluginFactory> factories(LanModule module) {
        return injector(module).getInstance(Key.get(new TypeLiteral<Set<DuplexPluginFactory>>() { }));
    }

    private static Injector injector(LanModule module) {
        return Guice.createInjector(module, new AbstractModule() {
            @Override
            protected void configure() {
                // What PluginModule binds in the app.
                bind(Executor.class).annotatedWith(IoExecutor.class).toInstance(Runnable::run);
                bind(ScheduledExecutorService.class).annotatedWith(PluginScheduler.class)
                        .toInstance(new ManualScheduler(new SettableClock()));
                bind(BackoffFactory.class).toInstance((min, max, base) -> new LanTestSupport.CountingBackoff());
            }
        });
    }
}
