package org.thicket.messenger.headless.api;

import org.thicket.bramble.plugin.api.Plugin;
import org.thicket.bramble.plugin.api.PluginManager;
import org.thicket.bramble.plugin.api.TransportIds;
import org.thicket.bramble.plugin.tor.api.TorStatus;
import org.thicket.bramble.plugin.tor.api.TorStatusSource;

/** GET /v1/tor: what our tor is doing and the onion address contacts reach us at; 404 if the node runs no Tor. */
final class TorResource implements ApiResource {

    /**
     * @param state the Tor plugin's state, as in /v1/transports
     * @param onion3 our onion address (56 characters, no ".onion"), null until published
     */
    record TorJson(String state, boolean networkEnabled, int bootstrapPercent, boolean circuitEstablished,
            String onion3) {
    }

    /** The data of the TorStatus event. */
    record TorStatusJson(boolean networkEnabled, int bootstrapPercent, boolean circuitEstablished) {

        static TorStatusJson of(TorStatus status) {
            return new TorStatusJson(status.networkEnabled(), status.bootstrapPercent(), status.circuitEstablished());
        }
    }

    private final PluginManager plugins;

    TorResource(PluginManager plugins) {
        this.plugins = plugins;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/v1/tor", request -> Reply.ok(json()));
    }

    private TorJson json() throws ApiException {
        Plugin plugin = plugins.getPlugin(TransportIds.TOR);
        if (!(plugin instanceof TorStatusSource tor)) throw ApiException.notFound("This node does not run Tor");
        TorStatus status = tor.getStatus();
        return new TorJson(plugin.getState().name(), status.networkEnabled(), status.bootstrapPercent(),
                status.circuitEstablished(), tor.getOnionAddress());
    }
}
