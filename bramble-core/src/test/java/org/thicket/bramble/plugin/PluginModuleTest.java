package org.thicket.bramble.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.util.Modules;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.BrambleCoreModule;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.event.api.EventExecutor;
import org.thicket.bramble.lifecycle.api.LifecycleManager;
import org.thicket.bramble.lifecycle.api.Service;
import org.thicket.bramble.lifecycle.api.ShutdownOnStop;
import org.thicket.bramble.lifecycle.api.StartResult;
import org.thicket.bramble.plugin.TestPlugins.DuplexFactory;
import org.thicket.bramble.plugin.TestPlugins.TestDuplexPlugin;
import org.thicket.bramble.plugin.api.DuplexPluginFactory;
import org.thicket.bramble.plugin.api.IoExecutor;
import org.thicket.bramble.plugin.api.PluginManager;
import org.thicket.bramble.plugin.api.PluginScheduler;
import org.thicket.bramble.plugin.api.SimplexPluginFactory;
import org.thicket.bramble.plugin.api.TransportId;

class PluginModuleTest {

    private static final TransportId TEST = new TransportId("org.thicket.test.transport");

    @TempDir
    Path dir;

    private Injector core(Module... overrides) {
        // Events on the calling thread: nothing here depends on the event thread, and no thread is left behind.
        Module directEvents = binder -> binder.bind(Executor.class)
                .annotatedWith(EventExecutor.class).toInstance(Runnable::run);
        return Guice.createInjector(Modules.override(new BrambleCoreModule(dir))
                .with(Modules.combine(directEvents, Modules.combine(overrides))));
    }

    private static SecretKey randomKey() {
        byte[] key = new byte[SecretKey.LENGTH];
        new SecureRandom().nextBytes(key);
        return new SecretKey(key);
    }

    @Test
    void theCoreDeclaresEmptyFactorySetsAndContributesThePollerBeforeThePluginManager() {
        Injector injector = core();
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Set<DuplexPluginFactory>>() { }))).isEmpty();
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Set<SimplexPluginFactory>>() { }))).isEmpty();
        List<Service> services = List.copyOf(injector.getInstance(Key.get(new TypeLiteral<Set<Service>>() { })));
        Service poller = injector.getInstance(Poller.class);
        Service manager = (Service) injector.getInstance(PluginManager.class);
        assertThat(services).containsSubsequence(poller, manager);
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Set<ExecutorService>>() { }, ShutdownOnStop.class)))
                .contains(injector.getInstance(Key.get(ExecutorService.class, IoExecutor.class)),
                        injector.getInstance(Key.get(ScheduledExecutorService.class, PluginScheduler.class)));
    }

    @Test
    void aContributedPluginRunsWithTheLifecycleAndItsExecutorsAreShutDown() {
        TestDuplexPlugin[] created = new TestDuplexPlugin[1];
        Injector injector = core(binder -> Multibinder.newSetBinder(binder, DuplexPluginFactory.class).addBinding()
                .toInstance(new DuplexFactory(TEST, callback -> created[0] = new TestDuplexPlugin(TEST, callback))));
        LifecycleManager lifecycle = injector.getInstance(LifecycleManager.class);
        PluginManager plugins = injector.getInstance(PluginManager.class);

        assertThat(lifecycle.startServices(randomKey())).isEqualTo(StartResult.SUCCESS);
        assertThat(plugins.getPlugin(TEST)).isSameAs(created[0]);
        lifecycle.stopServices();

        assertThat(created[0].calls).containsExactly("start", "stop");
        assertThat(injector.getInstance(Key.get(ExecutorService.class, IoExecutor.class)).isShutdown()).isTrue();
        assertThat(injector.getInstance(Key.get(ScheduledExecutorService.class, PluginScheduler.class)).isShutdown())
                .isTrue();
    }
}
