package org.thicket.bramble.plugin.api;

/**
 * A factory for a duplex transport. Contributed with
 * {@code Multibinder.newSetBinder(binder(), DuplexPluginFactory.class).addBinding().to(LanPluginFactory.class)}.
 */
public interface DuplexPluginFactory extends PluginFactory<DuplexPlugin> {
}
