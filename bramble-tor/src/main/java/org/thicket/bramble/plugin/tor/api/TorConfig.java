package org.thicket.bramble.plugin.tor.api;

import java.nio.file.Path;
import java.util.List;

/**
 * How to launch our tor. The defaults suit the app; tests point it at a private Tor network through
 * {@code extraTorrcLines}.
 *
 * @param directory where tor keeps its state, torrc and auth cookie (created, owner-only)
 * @param torBinary the tor executable to use, or null to look for a system tor and then a bundled one
 * @param socksPort the loopback SOCKS port, or 0 for one tor picks free at start
 * @param controlPort the loopback control port, or 0 for one tor picks free at start
 * @param bridgeTransportBinary the lyrebird/obfs4proxy executable for obfs4 bridges, or null to look for one on PATH
 * @param extraTorrcLines lines appended to the torrc as they are (e.g. TestingTorNetwork and DirAuthority lines)
 */
public record TorConfig(Path directory, Path torBinary, int socksPort, int controlPort, Path bridgeTransportBinary,
        List<String> extraTorrcLines) {

    public TorConfig {
        directory = directory.toAbsolutePath().normalize();
        if (socksPort < 0 || socksPort > 65535 || controlPort < 0 || controlPort > 65535) {
            throw new IllegalArgumentException("Ports are 0 (pick one) to 65535");
        }
        extraTorrcLines = List.copyOf(extraTorrcLines);
        for (String line : extraTorrcLines) {
            if (line.contains("\n") || line.contains("\r")) {
                throw new IllegalArgumentException("A torrc line may not contain a line break");
            }
        }
    }

    /** The app's configuration: a system or bundled tor, free ports, no extra lines. */
    public static TorConfig defaults(Path directory) {
        return new TorConfig(directory, null, 0, 0, null, List.of());
    }

    public TorConfig withExtraTorrcLines(List<String> lines) {
        return new TorConfig(directory, torBinary, socksPort, controlPort, bridgeTransportBinary, lines);
    }

    public TorConfig withTorBinary(Path binary) {
        return new TorConfig(directory, binary, socksPort, controlPort, bridgeTransportBinary, extraTorrcLines);
    }
}
