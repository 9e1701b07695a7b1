package org.thicket.bramble.plugin.tor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The torrc we write on every start. The network starts disabled, so tor makes no connection before the plugin has
 * checked the user's settings; both ports listen on loopback only (tor picks free ones for port 0, and writes the
 * control port to a file we read back); the control port needs the cookie. Tor is told to exit with our process by
 * the command line (__OwningControllerProcess) and, once we are connected, by TAKEOWNERSHIP.
 *
 * @param bridgeLines "Bridge" arguments (e.g. "obfs4 192.0.2.1:443 FINGERPRINT cert=... iat-mode=0"); empty for none
 * @param bridgeTransportBinary the pluggable-transport executable serving obfs4, needed when there are bridge lines
 */
record Torrc(Path dataDirectory, Path emptyFile, Path controlPortFile, int socksPort, int controlPort,
        List<String> bridgeLines, Path bridgeTransportBinary, List<String> extraLines) {

    Torrc {
        bridgeLines = List.copyOf(bridgeLines);
        extraLines = List.copyOf(extraLines);
        if (!bridgeLines.isEmpty() && bridgeTransportBinary == null) {
            throw new IllegalArgumentException("Bridges need a pluggable-transport binary (lyrebird or obfs4proxy)");
        }
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("DataDirectory " + dataDirectory);
        lines.add("DisableNetwork 1");
        lines.add("SocksPort 127.0.0.1:" + portSpec(socksPort));
        lines.add("SafeSocks 1");
        lines.add("ControlPort 127.0.0.1:" + portSpec(controlPort));
        lines.add("ControlPortWriteToFile " + controlPortFile);
        lines.add("CookieAuthentication 1");
        lines.add("RunAsDaemon 0");
        // Country lookups are of no use to a client and cost each start CPU and memory.
        lines.add("GeoIPFile " + emptyFile);
        lines.add("GeoIPv6File " + emptyFile);
        lines.add("ConnectionPadding 0");
        if (!bridgeLines.isEmpty()) {
            lines.add("UseBridges 1");
            lines.add("ClientTransportPlugin obfs4 exec " + bridgeTransportBinary);
            for (String bridge : bridgeLines) lines.add("Bridge " + checkedLine(bridge));
        }
        for (String extra : extraLines) lines.add(checkedLine(extra));
        return lines;
    }

    String text() {
        return String.join("\n", lines()) + "\n";
    }

    private static String portSpec(int port) {
        return port == 0 ? "auto" : Integer.toString(port);
    }

    // A line break would let a setting smuggle in torrc options of its own.
    private static String checkedLine(String line) {
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("A torrc line may not contain a line break");
        }
        return line;
    }
}
