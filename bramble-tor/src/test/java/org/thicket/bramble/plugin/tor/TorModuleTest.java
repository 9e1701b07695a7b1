package org.thicket.bramble.plugin.tor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.util.Modules;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.account.api.AccountConfig;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.plugin.api.BackoffFactory;
import org.thicket.bramble.plugin.api.DuplexPluginFactory;
import org.thicket.bramble.plugin.api.IoExecutor;
import org.thicket.bramble.plugin.api.PluginScheduler;
import org.thicket.bramble.plugin.api.TransportIds;
import org.thicket.bramble.plugin.tor.api.TorConfig;
import org.thicket.bramble.transport.api.TransportDescriptor;
import org.thicket.bramble.test.CapturingEventBus;

class TorModuleTest {

    private static final Path DATA = Path.of("/tmp/thicket-account");

    /** What the core would bind; the backoff factory is never called here. */
    private static final class CoreStandIn extends AbstractModule {
        @Override
        protected void configure() {
            bind(AccountConfig.class).toInstance(new AccountConfig(DATA));
            bind(EventBus.class).toInstance(new CapturingEventBus());
            bind(Executor.class).annotatedWith(IoExecutor.class).toInstance(Runnable::run);
            bind(ScheduledExecutorService.class).annotatedWith(PluginScheduler.class)
                    .toInstance(new ScheduledThreadPoolExecutor(0));
            bind(BackoffFactory.class).toInstance((min, max, base) -> {
                throw new UnsupportedOperationException();
            });
        }
    }

    @Test
    void contributesTheTorFactoryWithADefaultDirectoryBesideTheDatabase() {
        Injector injector = Guice.createInjector(new CoreStandIn(), new TorModule());
        Set<DuplexPluginFactory> factories = injector.getInstance(Key.get(new TypeLiteral<>() { }));
        assertThat(factories).singleElement().satisfies(f -> {
            assertThat(f.getId()).isEqualTo(TransportIds.TOR);
            assertThat(f.getMaxLatency()).isEqualTo(30_000);
        });
        assertThat(injector.getInstance(TorConfig.class)).isEqualTo(TorConfig.defaults(DATA.resolve("tor")));
        Set<TransportDescriptor> described = injector.getInstance(Key.get(new TypeLiteral<>() { }));
        assertThat(described).containsExactly(new TransportDescriptor(TransportIds.TOR, 30_000));
    }

    @Test
    void aTestOrAppCanReplaceTheConfiguration() {
        TorConfig custom = TorConfig.defaults(Path.of("/tmp/elsewhere")).withExtraTorrcLines(List.of("Log notice stdout"));
        Injector injector = Guice.createInjector(new CoreStandIn(), new TorModule(), new AbstractModule() {
            @Override
            protected void configure() {
                OptionalBinder.newOptionalBinder(binder(), TorConfig.class).setBinding().toInstance(custom);
            }
        });
        assertThat(injector.getInstance(TorConfig.class)).isEqualTo(custom);
    }

    @Test
    void theDefaultConfigurationCanBeAdjustedAlsoAsAnOverride() {
        Module adjust = TorModule.adjustingConfig(c -> c.withTorBinary(Path.of("/opt/tor"))
                .withExtraTorrcLines(List.of("UseBridges 0")));
        TorConfig expected = TorConfig.defaults(DATA.resolve("tor")).withTorBinary(Path.of("/opt/tor"))
                .withExtraTorrcLines(List.of("UseBridges 0"));

        assertThat(Guice.createInjector(new CoreStandIn(), new TorModule(), adjust).getInstance(TorConfig.class))
                .isEqualTo(expected);
        assertThat(Guice.createInjector(Modules.override(new CoreStandIn(), new TorModule()).with(adjust))
                .getInstance(TorConfig.class)).isEqualTo(expected);
    }
}
