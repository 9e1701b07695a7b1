package org.thicket.bramble.transport;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.thicket.bramble.lifecycle.api.Service;
import org.thicket.bramble.lifecycle.api.ShutdownOnStop;
import org.thicket.bramble.transport.api.KeyManager;
import org.thicket.bramble.transport.api.RotationScheduler;
import org.thicket.bramble.transport.api.TransportCrypto;
import org.thicket.bramble.transport.api.TransportDescriptor;

/**
 * Binds the transport-key schedule and the key manager, which starts as a lifecycle service. Transports register by
 * contributing a {@link TransportDescriptor} to the set declared here (from their plugin's module); the key manager
 * stores them in the transports table and keeps keys for each. The set is fixed when the injector is built, so
 * every transport is known before the first contact's keys are derived.
 */
public final class TransportModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(TransportCrypto.class).to(TransportCryptoImpl.class).in(Singleton.class);
        bind(KeyManagerImpl.class).in(Singleton.class);
        bind(KeyManager.class).to(KeyManagerImpl.class);
        Multibinder.newSetBinder(binder(), TransportDescriptor.class);
        Multibinder.newSetBinder(binder(), Service.class).addBinding().to(KeyManagerImpl.class);
        Multibinder.newSetBinder(binder(), ExecutorService.class, ShutdownOnStop.class).addBinding()
                .to(Key.get(ScheduledExecutorService.class, RotationScheduler.class));
    }

    /** One daemon thread: rotation is a short database task once a period per transport. */
    @Provides
    @Singleton
    @RotationScheduler
    ScheduledExecutorService rotationScheduler() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "key-rotation");
            t.setDaemon(true);
            return t;
        });
    }
}
