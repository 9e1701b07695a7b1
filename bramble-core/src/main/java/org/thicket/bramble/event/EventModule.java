package org.thicket.bramble.event;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import jakarta.inject.Singleton;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.event.api.EventExecutor;

/**
 * Binds the {@link EventBus} and, for headless use, an {@link EventExecutor} that is one daemon thread named
 * {@value #EVENT_THREAD_NAME}. A UI delivers events on its own thread instead by overriding that binding, e.g.
 * {@code Modules.override(new EventModule()).with(b -> b.bind(Executor.class).annotatedWith(EventExecutor.class)
 * .toInstance(EventQueue::invokeLater))}; the default thread is then never created.
 */
public final class EventModule extends AbstractModule {

    public static final String EVENT_THREAD_NAME = "event-thread";

    @Override
    protected void configure() {
        bind(EventBus.class).to(EventBusImpl.class).in(Singleton.class);
    }

    // Daemon: a headless process ends when its main work ends, whatever events are still queued.
    @Provides
    @Singleton
    @EventExecutor
    Executor provideEventExecutor() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, EVENT_THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
    }
}
