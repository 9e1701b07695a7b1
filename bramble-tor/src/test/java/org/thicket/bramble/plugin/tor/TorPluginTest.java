package org.thicket.bramble.plugin.tor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.plugin.api.Plugin;
import org.thicket.bramble.plugin.api.PluginException;
import org.thicket.bramble.plugin.api.TransportIds;
import org.thicket.bramble.plugin.api.TransportProperties;

/** The plugin without a running tor: its constants, and how it fails when tor cannot be started. */
class TorPluginTest {

    @TempDir
    Path dir;

    private TorTestNode node(Path torBinary) {
        return new TorTestNode(dir.resolve("tor"), torBinary, List.of(), Runnable::run);
    }

    @Test
    void hasBriarsIdentityAndTiming() throws Exception {
        TorTestNode node = node(dir.resolve("no-such-tor"));
        assertThatThrownBy(node::start).isInstanceOf(PluginException.class);
        TorPlugin plugin = node.plugin();
        assertThat(plugin.getId()).isEqualTo(TransportIds.TOR);
        assertThat(plugin.getId().value()).isEqualTo("org.briarproject.bramble.tor");
        assertThat(plugin.getMaxLatency()).isEqualTo(30_000);
        assertThat(plugin.getMaxIdleTime()).isEqualTo(30_000);
        assertThat(plugin.supportsRendezvous()).isTrue();
        assertThat(plugin.supportsKeyAgreement()).isFalse();
        assertThat(plugin.shouldPoll()).isTrue();
    }

    @Test
    void aMissingTorBinaryFailsTheStartWithItsPathAndLeavesNothingRunning() {
        TorTestNode node = node(dir.resolve("no-such-tor"));
        assertThatThrownBy(node::start).isInstanceOf(PluginException.class)
                .hasRootCauseMessage("Configured tor is not executable: " + dir.resolve("no-such-tor"));
        assertThat(node.plugin().getState()).isEqualTo(Plugin.State.STARTING_STOPPING);
        assertThat(node.plugin().createConnection(
                TransportProperties.EMPTY.with(TorPlugin.PROP_ONION_V3, "x".repeat(56)))).isNull();
        assertThat(node.plugin().createRendezvousEndpoint(n -> new byte[n], true, node.callback())).isNull();
    }

    @Test
    void aTorThatExitsAtOnceFailsTheStart() {
        // /bin/false runs and exits 1: the launch notices the exit instead of waiting for the control port.
        TorTestNode node = node(Path.of("/bin/false"));
        assertThatThrownBy(node::start).isInstanceOf(PluginException.class)
                .rootCause().hasMessageContaining("tor exited at start");
    }

    @Test
    void refetchesDescriptorsOnlyWhenTheFailureMayComeFromAStaleOne() {
        assertThat(TorPlugin.mayBeStaleDescriptor(new Socks5.SocksException(Socks5.HOST_UNREACHABLE))).isFalse();
        assertThat(TorPlugin.mayBeStaleDescriptor(new Socks5.SocksException(6))).isTrue();
        assertThat(TorPlugin.mayBeStaleDescriptor(new java.net.SocketTimeoutException())).isTrue();
    }
}
