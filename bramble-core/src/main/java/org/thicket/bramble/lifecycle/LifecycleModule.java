package org.thicket.bramble.lifecycle;

import java.util.concurrent.ExecutorService;
import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import jakarta.inject.Singleton;
import org.thicket.bramble.lifecycle.api.LifecycleManager;
import org.thicket.bramble.lifecycle.api.OpenDatabaseHook;
import org.thicket.bramble.lifecycle.api.Service;
import org.thicket.bramble.lifecycle.api.ShutdownOnStop;

/**
 * Binds the {@link LifecycleManager} and declares the three multibound sets other modules contribute to, so they
 * exist (empty) even when nothing is contributed.
 */
public final class LifecycleModule extends AbstractModule {

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), Service.class);
        Multibinder.newSetBinder(binder(), OpenDatabaseHook.class);
        Multibinder.newSetBinder(binder(), ExecutorService.class, ShutdownOnStop.class);
        bind(LifecycleManager.class).to(LifecycleManagerImpl.class).in(Singleton.class);
    }
}
