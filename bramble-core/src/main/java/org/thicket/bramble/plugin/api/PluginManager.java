package org.thicket.bramble.plugin.api;

import java.util.Collection;

/**
 * Owns the plugins of the bound {@link DuplexPluginFactory} and {@link SimplexPluginFactory} contributions: creates
 * and starts them when the services start, stops them when the services stop. Before the start there are none.
 */
public interface PluginManager {

    /** The plugin of a transport, or null if there is none (not bound, or its factory declined). */
    Plugin getPlugin(TransportId transportId);

    Collection<DuplexPlugin> getDuplexPlugins();

    Collection<SimplexPlugin> getSimplexPlugins();
}
