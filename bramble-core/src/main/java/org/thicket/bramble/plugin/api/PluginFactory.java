package org.thicket.bramble.plugin.api;

/**
 * Creates the plugin for one transport. The app chooses its transports by which factories it binds (see
 * {@link DuplexPluginFactory} and {@link SimplexPluginFactory}).
 */
public interface PluginFactory<P extends Plugin> {

    TransportId getId();

    /** As {@link Plugin#getMaxLatency}, known before the plugin exists. */
    long getMaxLatency();

    /** The plugin, or null if it cannot run here (e.g. no Tor binary for this CPU). Called once. */
    P createPlugin(PluginCallback callback);
}
