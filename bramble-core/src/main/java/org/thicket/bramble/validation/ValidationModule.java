package org.thicket.bramble.validation;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Provides;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.thicket.bramble.lifecycle.api.Service;
import org.thicket.bramble.sync.api.ReceivedMessageHandler;
import org.thicket.bramble.validation.api.ClientMajorVersion;
import org.thicket.bramble.validation.api.IncomingMessageHook;
import org.thicket.bramble.validation.api.MessageValidator;
import org.thicket.bramble.validation.api.ValidationExecutor;

/**
 * Binds the validation service and declares the two maps clients contribute to, keyed by the client and major
 * version of the groups they handle. A client's module declares its validator and hook with
 * <pre>{@code
 * ValidationModule.validators(binder()).addBinding(key).to(FooValidator.class);
 * ValidationModule.hooks(binder()).addBinding(key).to(FooHook.class);
 * }</pre>
 * Like the lifecycle's multibindings (see {@code org.thicket.bramble.lifecycle}), these are declarations, checked
 * when the injector is built: a second validator or hook for the same key is an error there, not a silent
 * replacement at run time.
 */
public final class ValidationModule extends AbstractModule {

    public static MapBinder<ClientMajorVersion, MessageValidator> validators(Binder binder) {
        return MapBinder.newMapBinder(binder, ClientMajorVersion.class, MessageValidator.class);
    }

    public static MapBinder<ClientMajorVersion, IncomingMessageHook> hooks(Binder binder) {
        return MapBinder.newMapBinder(binder, ClientMajorVersion.class, IncomingMessageHook.class);
    }

    @Override
    protected void configure() {
        validators(binder());
        hooks(binder());
        bind(ValidationManagerImpl.class).in(Singleton.class);
        Multibinder.newSetBinder(binder(), Service.class).addBinding().to(ValidationManagerImpl.class);
        OptionalBinder.newOptionalBinder(binder(), ReceivedMessageHandler.class).setBinding()
                .to(ValidationManagerImpl.class);
    }

    /**
     * max(1, cores - 1) daemon threads: validation may do crypto, and one core is left for the event thread and
     * the rest of the app. The queue is unbounded; work queued at shutdown is dropped and redone at the next start.
     */
    @Provides
    @Singleton
    @ValidationExecutor
    ExecutorService validationExecutor() {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "validation-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }
}
