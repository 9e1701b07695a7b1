package org.thicket.bramble.plugin.lan;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import org.thicket.bramble.lifecycle.api.OpenDatabaseHook;
import org.thicket.bramble.plugin.api.DuplexPluginFactory;
import org.thicket.bramble.transport.api.TransportDescriptor;

/**
 * Adds the LAN transport to the app: contributes its factory to the set the plugin manager reads and its descriptor
 * to the set the key manager reads. Needs what
 * {@code PluginModule} binds (the I/O executor, the plugin scheduler, the backoff factory).
 */
public final class LanModule extends AbstractModule {

    private final boolean loopbackOnly;

    /** The transport on the device's real interfaces. */
    public LanModule() {
        this(false);
    }

    private LanModule(boolean loopbackOnly) {
        this.loopbackOnly = loopbackOnly;
    }

    /**
     * The transport seeing only the loopback interface, for tests and demos that must not touch a real network. It
     * also turns the {@link LanConstants#PREF_ALLOW_LOOPBACK} setting on when the database opens, before the plugin
     * starts, so that the loopback addresses are used.
     */
    public static LanModule loopbackOnly() {
        return new LanModule(true);
    }

    @Override
    protected void configure() {
        InterfaceLister system = new NetworkInterfaceLister();
        bind(InterfaceLister.class).toInstance(loopbackOnly
                ? () -> system.listAddresses().stream().filter(a -> a.address().isLoopbackAddress()).toList()
                : system);
        Multibinder.newSetBinder(binder(), DuplexPluginFactory.class).addBinding().to(LanPluginFactory.class);
        // The key manager keeps rotation and handshake keys for every transport described here.
        Multibinder.newSetBinder(binder(), TransportDescriptor.class).addBinding()
                .toInstance(new TransportDescriptor(LanConstants.ID, LanConstants.MAX_LATENCY_MS));
        if (loopbackOnly) {
            Multibinder.newSetBinder(binder(), OpenDatabaseHook.class).addBinding().to(AllowLoopbackHook.class);
        }
    }
}
