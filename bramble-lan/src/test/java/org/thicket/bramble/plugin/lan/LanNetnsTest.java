package org.thicket.bramble.plugin.lan;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.thicket.bramble.plugin.lan.netns.NetNamespaces.ADDRESS_B;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.plugin.lan.netns.NetNamespaces;

/**
 * The LAN plugin across a real link: two child JVMs, one per network namespace, joined only by a veth pair in
 * 10.77.0.0/24 (and IPv6 link-local). Loopback is off in both, so the bytes can only have crossed the veth.
 */
class LanNetnsTest {

    private static final int LISTEN_PORT = 45_678;
    private static final long CHILD_WAIT_S = 60;
    private static final int LINE_CHECKS = 600;
    private static final long LINE_CHECK_MS = 100;

    @TempDir
    Path dir;

    @Test
    void pluginsInTwoNamespacesMoveBytesOverIpv4AndIpv6() throws Exception {
        try (NetNamespaces net = NetNamespaces.createOrSkip()) {
            Path listenerOut = dir.resolve("listener.out");
            Process listener = net.startJava(net.namespaceB(), LanNetnsNode.class,
                    List.of("listen", Integer.toString(LISTEN_PORT), "2"), listenerOut, dir.resolve("listener.err"));

            String[] properties = awaitLine(listener, listenerOut, "PROPERTIES ").split(" ");
            assertThat(properties[1]).isEqualTo(ADDRESS_B + ":" + LISTEN_PORT);
            assertThat(properties[2]).isEqualTo(Integer.toString(LISTEN_PORT));
            assertThat(properties[3]).isEqualTo("FE80000000000000000000000000000B");

            assertThat(runConnector(net, "v4", List.of(properties[1], "-", "-", "over-ipv4")))
                    .contains("ACKED ack over-ipv4");
            assertThat(runConnector(net, "v6", List.of("-", properties[2], properties[3], "over-ipv6")))
                    .contains("ACKED ack over-ipv6");

            assertThat(listener.waitFor(CHILD_WAIT_S, SECONDS)).as("listener ended").isTrue();
            assertThat(listener.exitValue()).as(diagnostics("listener")).isZero();
            assertThat(Files.readString(listenerOut, UTF_8)).contains("RECEIVED over-ipv4", "RECEIVED over-ipv6");
        }
    }

    private String runConnector(NetNamespaces net, String name, List<String> args) throws Exception {
        Path out = dir.resolve(name + ".out");
        Process connector = net.startJava(net.namespaceA(), LanNetnsNode.class,
                List.of("connect", args.get(0), args.get(1), args.get(2), args.get(3)), out,
                dir.resolve(name + ".err"));
        assertThat(connector.waitFor(CHILD_WAIT_S, SECONDS)).as(name + " connector ended").isTrue();
        assertThat(connector.exitValue()).as(diagnostics(name)).isZero();
        return Files.readString(out, UTF_8);
    }

    /** Waits, bounded, for the child to print a line starting with the prefix, and returns that line. */
    private String awaitLine(Process process, Path out, String prefix) throws IOException, InterruptedException {
        for (int i = 0; i < LINE_CHECKS; i++) {
            Optional<String> line = Files.readAllLines(out, UTF_8).stream().filter(l -> l.startsWith(prefix))
                    .findFirst();
            if (line.isPresent()) return line.get();
            if (!process.isAlive()) break;
            Thread.sleep(LINE_CHECK_MS);
        }
        throw new AssertionError("No line " + prefix + "from the child; " + diagnostics("listener"));
    }

    private String diagnostics(String name) {
        try {
            return name + " output:\n" + Files.readString(dir.resolve(name + ".out"), UTF_8) + "\n" + name
                    + " log:\n" + Files.readString(dir.resolve(name + ".err"), UTF_8);
        } catch (IOException e) {
            return name + " output unreadable: " + e;
        }
    }
}
