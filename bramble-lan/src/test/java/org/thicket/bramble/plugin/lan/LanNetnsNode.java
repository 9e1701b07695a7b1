package org.thicket.bramble.plugin.lan;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.TransportProperties;
import org.thicket.bramble.settings.api.Settings;
import org.thicket.bramble.test.MemoryPluginCallback;

/**
 * One end of the namespace test, run in a child JVM inside a network namespace: a LAN plugin on the namespace's real
 * interfaces, loopback not allowed. Each message is one length byte and ASCII text; the listener answers each with
 * {@code ack <text>}. Everything it waits for is bounded, and it exits non-zero when a wait runs out.
 * <ul>
 * <li>{@code listen <port> <count>}: prints {@code PROPERTIES <ipPorts> <port> <ipv6>} once listening, then takes
 * {@code count} connections, printing {@code RECEIVED <text>} for each, and exits.</li>
 * <li>{@code connect <ipPorts|-> <port|-> <ipv6|-> <text>}: connects with those properties, sends the text and
 * prints {@code ACKED <answer>}.</li>
 * </ul>
 */
final class LanNetnsNode {

    private static final long WAIT_MS = 30_000;
    private static final int CONNECT_ATTEMPTS = 20;
    private static final long CONNECT_RETRY_MS = 250;

    private LanNetnsNode() {
    }

    public static void main(String[] args) throws Exception {
        ExecutorService io = Executors.newCachedThreadPool(daemonThreads());
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads());
        MemoryPluginCallback callback = new MemoryPluginCallback(args[0].equals("listen")
                ? Settings.EMPTY.withInt(LanConstants.PREF_PORT, Integer.parseInt(args[1])) : Settings.EMPTY);
        LanPlugin plugin = new LanPlugin(io, scheduler, new NetworkInterfaceLister(),
                new LanTestSupport.CountingBackoff(), callback, new SecureRandom());
        plugin.start();
        int status;
        try {
            status = args[0].equals("listen") ? listen(plugin, callback, Integer.parseInt(args[2]))
                    : connect(plugin, args[1], args[2], args[3], args[4]);
        } finally {
            plugin.stop();
        }
        System.out.flush();
        System.exit(status);
    }

    private static int listen(LanPlugin plugin, MemoryPluginCallback callback, int count)
            throws IOException, InterruptedException {
        TransportProperties local = callback.getLocalProperties();
        System.out.println("STATE " + plugin.getState());
        System.out.println("PROPERTIES " + orDash(local.get(LanConstants.PROP_IP_PORTS)) + " "
                + orDash(local.get(LanConstants.PROP_PORT)) + " " + orDash(local.get(LanConstants.PROP_IPV6)));
        System.out.flush();
        for (int i = 0; i < count; i++) {
            DuplexTransportConnection connection = callback.incoming().poll(WAIT_MS, MILLISECONDS);
            if (connection == null) {
                System.out.println("TIMEOUT waiting for connection " + (i + 1));
                return 2;
            }
            try {
                String text = receive(connection);
                System.out.println("RECEIVED " + text);
                System.out.flush();
                send(connection, "ack " + text);
            } finally {
                connection.close(false);
            }
        }
        return 0;
    }

    private static int connect(LanPlugin plugin, String ipPorts, String port, String ipv6, String text)
            throws IOException, InterruptedException {
        Map<String, String> remote = new HashMap<>();
        if (!ipPorts.equals("-")) remote.put(LanConstants.PROP_IP_PORTS, ipPorts);
        if (!port.equals("-")) remote.put(LanConstants.PROP_PORT, port);
        if (!ipv6.equals("-")) remote.put(LanConstants.PROP_IPV6, ipv6);
        DuplexTransportConnection connection = null;
        for (int i = 0; i < CONNECT_ATTEMPTS && connection == null; i++) {
            if (i > 0) Thread.sleep(CONNECT_RETRY_MS);
            connection = plugin.createConnection(new TransportProperties(remote));
        }
        if (connection == null) {
            System.out.println("NO CONNECTION in state " + plugin.getState());
            return 3;
        }
        try {
            send(connection, text);
            System.out.println("ACKED " + receive(connection));
            return 0;
        } finally {
            connection.close(false);
        }
    }

    private static void send(DuplexTransportConnection connection, String text) throws IOException {
        byte[] bytes = text.getBytes(US_ASCII);
        DataOutputStream out = new DataOutputStream(connection.getWriter().getOutputStream());
        out.writeByte(bytes.length);
        out.write(bytes);
        out.flush();
    }

    private static String receive(DuplexTransportConnection connection) throws IOException {
        DataInputStream in = new DataInputStream(connection.getReader().getInputStream());
        byte[] bytes = new byte[in.readUnsignedByte()];
        in.readFully(bytes);
        return new String(bytes, US_ASCII);
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        return task -> {
            Thread thread = new Thread(task);
            thread.setDaemon(true);
            return thread;
        };
    }
}
