package org.thicket.bramble.plugin.api;

/**
 * A factory for a simplex transport. Contributed with
 * {@code Multibinder.newSetBinder(binder(), SimplexPluginFactory.class).addBinding().to(DrivePluginFactory.class)}.
 */
public interface SimplexPluginFactory extends PluginFactory<SimplexPlugin> {
}
