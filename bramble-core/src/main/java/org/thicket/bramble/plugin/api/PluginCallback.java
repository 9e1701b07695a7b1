package org.thicket.bramble.plugin.api;

import java.util.Map;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.settings.api.Settings;

/**
 * What the plugin manager gives each plugin: its own settings, its transport properties, and somewhere to report
 * its state and hand over incoming connections (the {@link ConnectionHandler} methods). The store-backed methods
 * run their own database transactions, so a plugin must not call them while it holds one.
 */
public interface PluginCallback extends ConnectionHandler {

    /** The plugin's settings, stored in the settings namespace named by its transport ID. */
    Settings getSettings() throws DbException;

    /** Stores every entry of {@code settings}, keeping other keys. */
    void mergeSettings(Settings settings) throws DbException;

    /** The properties this device publishes for the transport (e.g. its onion address). */
    TransportProperties getLocalProperties() throws DbException;

    /**
     * Stores every entry of {@code properties} in the local properties, keeping other keys.
     *
     * @throws IllegalArgumentException if the merged properties would exceed {@link TransportProperties}' limits
     */
    void mergeLocalProperties(TransportProperties properties) throws DbException;

    /** Each contact's properties for the transport, for contacts that have published any. */
    Map<ContactId, TransportProperties> getRemoteProperties() throws DbException;

    /** Reports the plugin's state; the manager announces changes with transport state events. */
    void pluginStateChanged(Plugin.State state);
}
