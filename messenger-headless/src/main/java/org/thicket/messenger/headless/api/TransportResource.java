package org.thicket.messenger.headless.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.thicket.bramble.plugin.api.Plugin;
import org.thicket.bramble.plugin.api.PluginManager;

/** GET /v1/transports: each transport plugin the node runs, and its state. */
final class TransportResource implements ApiResource {

    /**
     * @param state STARTING_STOPPING, DISABLED, ENABLING, ACTIVE or INACTIVE
     * @param reasonsDisabled the plugin's bit set of reasons; 0 unless DISABLED
     */
    record TransportJson(String transportId, boolean duplex, String state, int reasonsDisabled) {
    }

    private final PluginManager plugins;

    TransportResource(PluginManager plugins) {
        this.plugins = plugins;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/v1/transports", request -> Reply.ok(list()));
    }

    private List<TransportJson> list() {
        List<TransportJson> list = new ArrayList<>();
        for (Plugin p : plugins.getDuplexPlugins()) list.add(json(p, true));
        for (Plugin p : plugins.getSimplexPlugins()) list.add(json(p, false));
        list.sort(Comparator.comparing(TransportJson::transportId));
        return list;
    }

    private static TransportJson json(Plugin plugin, boolean duplex) {
        return new TransportJson(plugin.getId().value(), duplex, plugin.getState().name(),
                plugin.getReasonsDisabled());
    }
}
