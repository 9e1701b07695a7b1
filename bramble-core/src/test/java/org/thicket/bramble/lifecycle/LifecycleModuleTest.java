package org.thicket.bramble.lifecycle;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.multibindings.Multibinder;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.DatabaseLifecycle;
import org.thicket.bramble.event.EventModule;
import org.thicket.bramble.event.api.EventExecutor;
import org.thicket.bramble.lifecycle.api.LifecycleManager;
import org.thicket.bramble.lifecycle.api.OpenDatabaseHook;
import org.thicket.bramble.lifecycle.api.Service;
import org.thicket.bramble.lifecycle.api.ShutdownOnStop;
import org.thicket.bramble.lifecycle.api.StartResult;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.test.SettableClock;

import static org.assertj.core.api.Assertions.assertThat;

class LifecycleModuleTest {

    private final Journal journal = new Journal();
    private final ExecutorService contributedExecutor = Executors.newSingleThreadExecutor();
    private final Injector injector = Guice.createInjector(new EventModule(), new LifecycleModule(),
            new PlatformModule(), new ClientModule("first"), new ClientModule("second"), new DependentModule());

    @AfterEach
    void stopThreads() {
        contributedExecutor.shutdownNow();
        ((ExecutorService) injector.getInstance(Key.get(Executor.class, EventExecutor.class))).shutdownNow();
    }

    /** What a platform supplies: the database, the clock and an executor to shut down. */
    private final class PlatformModule extends AbstractModule {
        @Override
        protected void configure() {
            bind(Journal.class).toInstance(journal);
            bind(DatabaseLifecycle.class).toInstance(new FakeDatabase(journal));
            bind(Clock.class).toInstance(new SettableClock());
            Multibinder.newSetBinder(binder(), ExecutorService.class, ShutdownOnStop.class).addBinding()
                    .toInstance(contributedExecutor);
        }
    }

    /** What a concern contributes: a hook and a service, declared rather than registered as a side effect. */
    private final class ClientModule extends AbstractModule {
        private final String name;

        ClientModule(String name) {
            this.name = name;
        }

        @Override
        protected void configure() {
            Multibinder.newSetBinder(binder(), OpenDatabaseHook.class).addBinding()
                    .toInstance(txn -> journal.add("hook " + name));
            Multibinder.newSetBinder(binder(), Service.class).addBinding().toInstance(new Service() {
                @Override
                public void startService() {
                    journal.add("start " + name);
                }

                @Override
                public void stopService() {
                    journal.add("stop " + name);
                }
            });
        }
    }

    /** A contributed service that needs the manager it is contributed to. */
    static final class DependentService implements Service {
        private final Journal journal;
        private final LifecycleManager manager;

        @Inject
        DependentService(Journal journal, LifecycleManager manager) {
            this.journal = journal;
            this.manager = manager;
        }

        @Override
        public void startService() {
            journal.add("start dependent in " + manager.getLifecycleState());
        }

        @Override
        public void stopService() {
            journal.add("stop dependent in " + manager.getLifecycleState());
        }
    }

    private static final class DependentModule extends AbstractModule {
        @Override
        protected void configure() {
            Multibinder.newSetBinder(binder(), Service.class).addBinding().to(DependentService.class);
        }
    }

    @Test
    void multiboundContributionsRunInModuleOrderBeforeRegisteredOnes() {
        LifecycleManager manager = injector.getInstance(LifecycleManager.class);
        manager.registerService(new Service() {
            @Override
            public void startService() {
                journal.add("start registered");
            }

            @Override
            public void stopService() {
                journal.add("stop registered");
            }
        });

        assertThat(manager.startServices(new SecretKey(new byte[SecretKey.LENGTH]))).isEqualTo(StartResult.SUCCESS);
        manager.stopServices();

        assertThat(journal.entries()).containsExactly("open", "begin read-write", "hook first", "hook second",
                "commit", "end", "start first", "start second", "start dependent in STARTING_SERVICES",
                "start registered", "stop registered", "stop dependent in STOPPING", "stop second", "stop first",
                "close");
        assertThat(contributedExecutor.isShutdown()).isTrue();
        assertThat(injector.getInstance(LifecycleManager.class)).isSameAs(manager);
    }

    @Test
    void theSetsExistWhenNothingIsContributed() {
        Injector bare = Guice.createInjector(new EventModule(), new LifecycleModule(), new AbstractModule() {
            @Override
            protected void configure() {
                bind(DatabaseLifecycle.class).toInstance(new FakeDatabase(journal));
                bind(Clock.class).toInstance(new SettableClock());
            }
        });
        LifecycleManager manager = bare.getInstance(LifecycleManager.class);

        manager.stopServices();
        ((ExecutorService) bare.getInstance(Key.get(Executor.class, EventExecutor.class))).shutdownNow();

        assertThat(journal.entries()).containsExactly("close");
    }
}
