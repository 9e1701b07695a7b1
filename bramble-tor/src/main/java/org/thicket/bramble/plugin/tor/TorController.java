package org.thicket.bramble.plugin.tor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.freehaven.tor.control.EventHandler;
import net.freehaven.tor.control.TorControlConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tor process we launched and its authenticated control connection: a thin layer over jtorctl. Tor's events
 * arrive on jtorctl's reader thread and go to the {@link Listener}, which must not call back into this controller
 * on that thread (a control command waits for that very thread to read its reply).
 */
final class TorController implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TorController.class);

    /** What tor reports by itself. Called on jtorctl's event thread; must not block or send control commands. */
    interface Listener {
        void bootstrapProgress(int percent);

        void circuitEstablished(boolean established);

        void descriptorUploaded(String onionAddress);

        void controlConnectionClosed();
    }

    /** A published onion service: its address and, if tor generated the key, that key for next time. */
    record PublishedOnion(OnionAddress address, String newPrivateKey) {
    }

    static final String NEW_KEY = "NEW:ED25519-V3";
    static final int ONION_PORT = 80;

    private static final long START_TIMEOUT_MS = 30_000;
    private static final long POLL_MS = 50;
    private static final long STOP_WAIT_SECONDS = 5;
    private static final int COOKIE_LENGTH = 32;
    private static final Pattern PROGRESS = Pattern.compile("PROGRESS=(\\d{1,3})");
    private static final Pattern LISTENER = Pattern.compile("127\\.0\\.0\\.1:(\\d{1,5})");
    private static final List<String> EVENTS = List.of("CIRC", "STATUS_GENERAL", "STATUS_CLIENT", "HS_DESC",
            "NOTICE", "WARN", "ERR");

    private final Process process;
    private final Socket controlSocket;
    private final Control control;

    private TorController(Process process, Socket controlSocket, Control control) {
        this.process = process;
        this.controlSocket = controlSocket;
        this.control = control;
    }

    /**
     * Writes the torrc, starts tor, waits (bounded) for its control port and cookie, authenticates, takes ownership
     * and subscribes to events. Stops the process again if any step fails.
     */
    static TorController launch(Path binary, Layout layout, Torrc torrc, Listener listener) throws IOException {
        layout.prepare();
        Files.writeString(layout.torrc(), torrc.text(), StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder(binary.toString(), "--defaults-torrc", layout.emptyFile().toString(),
                "-f", layout.torrc().toString(), "__OwningControllerProcess",
                Long.toString(ProcessHandle.current().pid()));
        builder.environment().put("HOME", layout.directory().toString());
        builder.redirectErrorStream(true).redirectOutput(layout.log().toFile());
        Process process = builder.start();
        Socket socket = null;
        try {
            int controlPort = awaitControlPort(process, layout);
            byte[] cookie = Files.readAllBytes(layout.cookie());
            socket = new Socket();
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), controlPort), 5_000);
            Control control = new Control(socket);
            control.launchThread(true);
            control.authenticate(cookie);
            control.takeOwnership();
            control.resetConf(List.of("__OwningControllerProcess"));
            control.setEventHandler(new Events(listener));
            control.setEvents(EVENTS);
            return new TorController(process, socket, control);
        } catch (IOException | RuntimeException e) {
            if (socket != null) socket.close();
            stopProcess(process);
            throw e;
        }
    }

    private static int awaitControlPort(Process process, Layout layout) throws IOException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) throw new IOException("tor exited at start with " + process.exitValue()
                    + "; see " + layout.log());
            if (Files.exists(layout.controlPortFile()) && Files.exists(layout.cookie())
                    && Files.size(layout.cookie()) >= COOKIE_LENGTH) {
                String text = Files.readString(layout.controlPortFile(), StandardCharsets.US_ASCII);
                if (text.endsWith("\n")) return parsePort(text);
            }
            sleep(POLL_MS);
        }
        throw new IOException("tor did not open its control port within " + START_TIMEOUT_MS + " ms; see "
                + layout.log());
    }

    static int parsePort(String text) throws IOException {
        Matcher m = LISTENER.matcher(text);
        if (!m.find()) throw new IOException("No loopback port in tor's answer");
        int port = Integer.parseInt(m.group(1));
        if (port < 1 || port > 65535) throw new IOException("Port out of range");
        return port;
    }

    /**
     * The SOCKS port tor listens on now. Asked each time: tor opens its listeners only while the network is enabled
     * and may pick another free port when it reopens them.
     */
    int socksPort() throws IOException {
        return parsePort(control.getInfo("net/listeners/socks"));
    }

    long pid() {
        return process.pid();
    }

    void enableNetwork(boolean enable) throws IOException {
        control.setConf("DisableNetwork", enable ? "0" : "1");
    }

    int bootstrapPercent() throws IOException {
        Integer percent = parseProgress(control.getInfo("status/bootstrap-phase"));
        return percent == null ? 0 : percent;
    }

    boolean circuitEstablished() throws IOException {
        return "1".equals(control.getInfo("status/circuit-established").trim());
    }

    /**
     * Publishes an onion service mapping virtual port 80 to the loopback port.
     *
     * @param key {@link #NEW_KEY} for a fresh key, or a saved "ED25519-V3:..." key
     */
    PublishedOnion addOnion(String key, int localPort) throws IOException {
        Map<String, String> reply = control.addOnion(key, Map.of(ONION_PORT, "127.0.0.1:" + localPort), false, false);
        OnionAddress address = OnionAddress.parseOrNull(reply.get("onionAddress"));
        if (address == null) throw new IOException("tor returned no valid onion address");
        return new PublishedOnion(address, reply.get("onionPrivKey"));
    }

    void removeOnion(OnionAddress address) throws IOException {
        control.delOnion(address.value());
    }

    /**
     * Asks tor to fetch the onion's descriptor afresh (HSFETCH). After the peer's tor restarted, our cached descriptor
     * names introduction points that no longer exist, and tor would keep trying them.
     */
    void refetchDescriptor(OnionAddress address) throws IOException {
        control.hsFetch(address.value());
    }

    /** jtorctl's connection plus the one command it lacks. */
    private static final class Control extends TorControlConnection {

        Control(Socket socket) throws IOException {
            super(socket);
        }

        void hsFetch(String onion) throws IOException {
            sendAndWaitForResponse("HSFETCH " + onion + "\r\n", null);
        }
    }

    /** Asks tor to exit, then ends the process by its handle if it lingers. */
    @Override
    public void close() {
        try {
            control.signal("SHUTDOWN");
        } catch (IOException e) {
            LOG.debug("tor's control connection was already closed", e);
        }
        try {
            controlSocket.close();
        } catch (IOException e) {
            LOG.debug("Closing tor's control socket failed", e);
        }
        stopProcess(process);
    }

    private static void stopProcess(Process process) {
        try {
            if (process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) return;
            process.destroy();
            if (process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) return;
            LOG.warn("tor (pid {}) ignored TERM; killing it", process.pid());
            process.destroyForcibly();
            process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static Integer parseProgress(String text) {
        Matcher m = PROGRESS.matcher(text);
        if (!m.find()) return null;
        int percent = Integer.parseInt(m.group(1));
        return percent <= 100 ? percent : null;
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for tor", e);
        }
    }

    /** Where tor's files live under the plugin's directory. */
    record Layout(Path directory) {

        Path dataDirectory() {
            return directory.resolve("data");
        }

        Path torrc() {
            return directory.resolve("torrc");
        }

        Path emptyFile() {
            return directory.resolve("empty");
        }

        Path controlPortFile() {
            return directory.resolve("control-port");
        }

        Path cookie() {
            return dataDirectory().resolve("control_auth_cookie");
        }

        Path log() {
            return directory.resolve("tor.log");
        }

        /** Creates the owner-only directories and drops what a previous run left that we wait for. */
        void prepare() throws IOException {
            createPrivateDirectory(directory);
            createPrivateDirectory(dataDirectory());
            if (!Files.exists(emptyFile())) Files.createFile(emptyFile());
            Files.deleteIfExists(controlPortFile());
            Files.deleteIfExists(cookie());
        }

        private static void createPrivateDirectory(Path dir) throws IOException {
            Files.createDirectories(dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException e) {
                LOG.debug("No POSIX permissions for {}", dir);
            }
        }
    }

    /** Turns jtorctl's callbacks into {@link Listener} calls; events we subscribed to only for the log are logged. */
    private record Events(Listener listener) implements EventHandler {

        @Override
        public void unrecognized(String type, String message) {
            switch (type) {
                case "STATUS_CLIENT" -> statusClient(message);
                case "HS_DESC" -> hsDesc(message);
                default -> LOG.debug("tor {}: {}", type, message);
            }
        }

        private void statusClient(String message) {
            if (message.contains(" BOOTSTRAP ")) {
                Integer percent = parseProgress(message);
                if (percent != null) listener.bootstrapProgress(percent);
            } else if (message.contains(" CIRCUIT_ESTABLISHED")) {
                listener.circuitEstablished(true);
            } else if (message.contains(" CIRCUIT_NOT_ESTABLISHED")) {
                listener.circuitEstablished(false);
            }
        }

        private void hsDesc(String message) {
            String[] fields = message.split(" ");
            if (fields.length >= 2 && fields[0].equals("UPLOADED")) listener.descriptorUploaded(fields[1]);
        }

        @Override
        public void circuitStatus(String status, String id, String path) {
            LOG.trace("tor circuit {} {}", id, status);
        }

        @Override
        public void streamStatus(String status, String id, String target) {
        }

        @Override
        public void orConnStatus(String status, String orName) {
        }

        @Override
        public void bandwidthUsed(long read, long written) {
        }

        @Override
        public void newDescriptors(List<String> orList) {
        }

        @Override
        public void message(String severity, String message) {
            if (severity.equals("WARN") || severity.equals("ERR")) LOG.info("tor {}: {}", severity, message);
            else LOG.debug("tor {}: {}", severity, message);
        }

        @Override
        public void controlConnectionClosed() {
            listener.controlConnectionClosed();
        }
    }
}
