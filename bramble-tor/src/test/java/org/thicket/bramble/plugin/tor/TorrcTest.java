package org.thicket.bramble.plugin.tor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TorrcTest {

    private static final Path DIR = Path.of("/tmp/tor-test");

    private static Torrc torrc(int socks, int control, List<String> bridges, Path transport, List<String> extra) {
        return new Torrc(DIR.resolve("data"), DIR.resolve("empty"), DIR.resolve("control-port"), socks, control,
                bridges, transport, extra);
    }

    @Test
    void startsWithTheNetworkOffAndLoopbackAutoPorts() {
        List<String> lines = torrc(0, 0, List.of(), null, List.of()).lines();
        assertThat(lines).contains("DisableNetwork 1", "SocksPort 127.0.0.1:auto", "ControlPort 127.0.0.1:auto",
                "CookieAuthentication 1", "ControlPortWriteToFile /tmp/tor-test/control-port",
                "DataDirectory /tmp/tor-test/data", "GeoIPFile /tmp/tor-test/empty");
        assertThat(lines).noneMatch(l -> l.startsWith("UseBridges") || l.startsWith("Bridge"));
    }

    @Test
    void usesConfiguredPorts() {
        assertThat(torrc(59050, 59051, List.of(), null, List.of()).lines())
                .contains("SocksPort 127.0.0.1:59050", "ControlPort 127.0.0.1:59051");
    }

    @Test
    void appendsExtraLinesLast() {
        List<String> lines = torrc(0, 0, List.of(), null, List.of("TestingTorNetwork 1", "UseDefaultFallbackDirs 0"))
                .lines();
        assertThat(lines.subList(lines.size() - 2, lines.size()))
                .containsExactly("TestingTorNetwork 1", "UseDefaultFallbackDirs 0");
    }

    @Test
    void writesBridgeLinesWithTheirTransport() {
        String bridge = "obfs4 192.0.2.1:443 0123456789ABCDEF0123456789ABCDEF01234567 cert=abc iat-mode=0";
        List<String> lines = torrc(0, 0, List.of(bridge), Path.of("/usr/bin/lyrebird"), List.of()).lines();
        assertThat(lines).contains("UseBridges 1", "ClientTransportPlugin obfs4 exec /usr/bin/lyrebird",
                "Bridge " + bridge);
    }

    @Test
    void refusesBridgesWithoutATransportAndLineBreaks() {
        assertThatThrownBy(() -> torrc(0, 0, List.of("obfs4 x"), null, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> torrc(0, 0, List.of(), null, List.of("Log notice\nControlPort 9051")).lines())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesTheBridgesSettingDefensively() {
        String a = "obfs4 192.0.2.1:443 FP cert=a iat-mode=0";
        String b = "obfs4 192.0.2.2:443 FP cert=b iat-mode=0";
        assertThat(TorPlugin.bridgeLines(null)).isEmpty();
        assertThat(TorPlugin.bridgeLines(" " + a + " \n\n" + b + "\n")).containsExactly(a, b);
        assertThat(TorPlugin.bridgeLines(a + "\nControlPort 9051")).isEmpty();
        assertThat(TorPlugin.bridgeLines(a + "\r\n" + b)).containsExactly(a, b);
        assertThat(TorPlugin.bridgeLines((a + "\n").repeat(TorPlugin.MAX_BRIDGES + 1))).isEmpty();
        assertThat(TorPlugin.bridgeLines("obfs4 " + "x".repeat(TorPlugin.MAX_BRIDGE_LINE_LENGTH))).isEmpty();
    }

    @Test
    void parsesTorVersions() {
        assertThat(TorBinaries.parseVersion("Tor version 0.4.9.11.\nTor is running on Linux"))
                .containsExactly(0, 4, 9);
        assertThat(TorBinaries.parseVersion("something else")).isNull();
        assertThat(TorBinaries.compare(new int[] {0, 4, 7}, TorBinaries.MIN_SYSTEM_VERSION)).isNegative();
        assertThat(TorBinaries.compare(new int[] {0, 4, 8}, TorBinaries.MIN_SYSTEM_VERSION)).isZero();
        assertThat(TorBinaries.compare(new int[] {0, 5, 0}, TorBinaries.MIN_SYSTEM_VERSION)).isPositive();
    }

    @Test
    void parsesControlReplies() throws Exception {
        assertThat(TorController.parsePort("PORT=127.0.0.1:45217\n")).isEqualTo(45217);
        assertThat(TorController.parsePort("\"127.0.0.1:9050\"")).isEqualTo(9050);
        assertThat(TorController.parseProgress("NOTICE BOOTSTRAP PROGRESS=85 TAG=ap_conn_done")).isEqualTo(85);
        assertThat(TorController.parseProgress("PROGRESS=999")).isNull();
    }
}
