package org.thicket.bramble.plugin.lan;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import org.thicket.bramble.plugin.api.DuplexPluginFactory;

/**
 * Adds the LAN transport to the app: contributes its factory to the set the plugin manager reads. Needs what
 * {@code PluginModule} binds (the I/O executor, the plugin scheduler, the backoff factory).
 */
public final class LanModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(InterfaceLister.class).to(NetworkInterfaceLister.class);
        Multibinder.newSetBinder(binder(), DuplexPluginFactory.class).addBinding().to(LanPluginFactory.class);
    }
}
