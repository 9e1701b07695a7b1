package org.thicket.bramble.plugin;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import jakarta.inject.Singleton;
import org.thicket.bramble.lifecycle.api.Service;
import org.thicket.bramble.lifecycle.api.ShutdownOnStop;
import org.thicket.bramble.plugin.api.BackoffFactory;
import org.thicket.bramble.plugin.api.DuplexPluginFactory;
import org.thicket.bramble.plugin.api.IoExecutor;
import org.thicket.bramble.plugin.api.PluginManager;
import org.thicket.bramble.plugin.api.PluginScheduler;
import org.thicket.bramble.plugin.api.SimplexPluginFactory;

/**
 * Binds the plugin manager, the poller and their executors, and declares the sets of plugin factories the app
 * contributes its transports to (empty until the LAN, Tor and Bluetooth modules contribute theirs). Both executors
 * are shut down by the lifecycle after the services stop.
 */
public final class PluginModule extends AbstractModule {

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), DuplexPluginFactory.class);
        Multibinder.newSetBinder(binder(), SimplexPluginFactory.class);
        bind(PluginManagerImpl.class).in(Singleton.class);
        bind(PluginManager.class).to(PluginManagerImpl.class);
        bind(Poller.class).in(Singleton.class);
        bind(BackoffFactory.class).to(BackoffFactoryImpl.class);
        bind(Executor.class).annotatedWith(IoExecutor.class).to(Key.get(ExecutorService.class, IoExecutor.class));

        Multibinder<Service> services = Multibinder.newSetBinder(binder(), Service.class);
        // The poller listens before any plugin starts, so it hears every transport become active.
        services.addBinding().to(Poller.class);
        services.addBinding().to(PluginManagerImpl.class);

        Multibinder<ExecutorService> shutdown =
                Multibinder.newSetBinder(binder(), ExecutorService.class, ShutdownOnStop.class);
        shutdown.addBinding().to(Key.get(ExecutorService.class, IoExecutor.class));
        shutdown.addBinding().to(Key.get(ScheduledExecutorService.class, PluginScheduler.class));
    }

    @Provides
    @Singleton
    @IoExecutor
    ExecutorService provideIoExecutor() {
        return Executors.newCachedThreadPool(daemonThreads("plugin-io-"));
    }

    @Provides
    @Singleton
    @PluginScheduler
    ScheduledExecutorService providePluginScheduler() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, daemonThreads("plugin-scheduler-"));
        // Polls are rescheduled often; cancelled ones should not pile up in the queue until their time comes.
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }

    // Daemon: network threads must not keep the process alive once the app has decided to end.
    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
