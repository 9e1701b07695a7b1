package org.thicket.messenger.headless.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.plugin.api.DuplexPlugin;
import org.thicket.bramble.plugin.api.Plugin;
import org.thicket.bramble.plugin.api.PluginManager;
import org.thicket.bramble.plugin.api.SimplexPlugin;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.api.TransportIds;
import org.thicket.bramble.plugin.tor.api.TorStatus;
import org.thicket.bramble.plugin.tor.api.TorStatusSource;

/** GET /v1/tor over a stand-in for the Tor plugin; the real one is behind the Tor end-to-end test. */
class TorResourceTest {

    private static final String ONION = "vww6ybal4bd7szmgncyruucpgfkqahzddi37ktceo3ah7ngmcopnpyyd";

    @Test
    void reportsStateStatusAndOurOnion() throws Exception {
        Plugin tor = torPlugin(Plugin.State.ACTIVE, new TorStatus(true, 100, true), ONION);

        assertThat(get(tor).body())
                .isEqualTo(new TorResource.TorJson("ACTIVE", true, 100, true, ONION));
    }

    @Test
    void theOnionIsNullUntilPublished() throws Exception {
        Plugin tor = torPlugin(Plugin.State.STARTING_STOPPING, TorStatus.STOPPED, null);

        assertThat(get(tor).body())
                .isEqualTo(new TorResource.TorJson("STARTING_STOPPING", false, 0, false, null));
    }

    @Test
    void aNodeWithoutTorAnswers404() {
        ApiException e = catchThrowableOfType(ApiException.class, () -> get(null));

        assertThat(e.status()).isEqualTo(404);
        assertThat(e.getMessage()).isEqualTo("This node does not run Tor");
    }

    @Test
    void theEventCarriesTheStatus() {
        assertThat(TorResource.TorStatusJson.of(new TorStatus(true, 45, false)))
                .isEqualTo(new TorResource.TorStatusJson(true, 45, false));
    }

    private static Reply get(Plugin torOrNull) throws Exception {
        Routes routes = new Routes();
        new TorResource(new OnePlugin(torOrNull)).register(routes);
        return routes.match("GET", "/v1/tor").orElseThrow().endpoint().handle(null);
    }

    /** A duplex plugin that is also a status source, answering only what the resource asks. */
    private static Plugin torPlugin(Plugin.State state, TorStatus status, String onion) {
        Map<String, Object> answers = new java.util.HashMap<>();
        answers.put("getState", state);
        answers.put("getStatus", status);
        answers.put("getOnionAddress", onion);
        return (Plugin) Proxy.newProxyInstance(TorResourceTest.class.getClassLoader(),
                new Class<?>[] {DuplexPlugin.class, TorStatusSource.class}, (proxy, method, args) -> {
                    if (!answers.containsKey(method.getName())) throw new UnsupportedOperationException();
                    return answers.get(method.getName());
                });
    }

    private record OnePlugin(Plugin tor) implements PluginManager {

        @Override
        public Plugin getPlugin(TransportId transportId) {
            return transportId.equals(TransportIds.TOR) ? tor : null;
        }

        @Override
        public Collection<DuplexPlugin> getDuplexPlugins() {
            return List.of();
        }

        @Override
        public Collection<SimplexPlugin> getSimplexPlugins() {
            return List.of();
        }
    }
}
