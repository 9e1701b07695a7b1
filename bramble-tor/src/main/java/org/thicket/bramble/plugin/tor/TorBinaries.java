package org.thicket.bramble.plugin.tor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the tor to run: the configured path; else a tor on PATH whose version is at least {@link #MIN_SYSTEM_VERSION};
 * else one bundled as the classpath resource {@code <arch>/tor} (the layout of org.briarproject:tor-linux), extracted
 * into our directory and used only if the extracted file hashes the same as the resource and runs. Also finds the
 * lyrebird/obfs4proxy binary for bridges.
 */
final class TorBinaries {

    private static final Logger LOG = LoggerFactory.getLogger(TorBinaries.class);

    static final int[] MIN_SYSTEM_VERSION = {0, 4, 8};
    private static final Pattern VERSION = Pattern.compile("Tor version (\\d+)\\.(\\d+)\\.(\\d+)");
    private static final long VERSION_TIMEOUT_SECONDS = 10;
    private static final int MAX_VERSION_OUTPUT = 4096;

    private TorBinaries() {
    }

    /** @throws IOException if no usable tor is found */
    static Path findTor(Path configured, Path directory) throws IOException {
        if (configured != null) {
            if (!Files.isExecutable(configured)) throw new IOException("Configured tor is not executable: " + configured);
            return configured;
        }
        Path system = findOnPath("tor");
        if (system != null) {
            int[] version = version(system);
            if (version != null && compare(version, MIN_SYSTEM_VERSION) >= 0) return system;
            LOG.info("System tor {} is older than 0.4.8; looking for a bundled one", system);
        }
        Path bundled = extractBundled(directory);
        if (bundled != null) return bundled;
        throw new IOException("No tor binary: install tor 0.4.8 or later, or configure its path");
    }

    /** The bridge transport binary: the configured one, else lyrebird or obfs4proxy on PATH, else null. */
    static Path findBridgeTransport(Path configured) {
        if (configured != null) return configured;
        for (String name : List.of("lyrebird", "obfs4proxy")) {
            Path found = findOnPath(name);
            if (found != null) return found;
        }
        return null;
    }

    static Path findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return candidate;
        }
        // Debian installs tor in /usr/sbin, which is not on every user's PATH.
        Path sbin = Path.of("/usr/sbin", name);
        return Files.isExecutable(sbin) ? sbin : null;
    }

    /** {major, minor, patch} from {@code tor --version}, or null if it does not run or says something else. */
    static int[] version(Path tor) {
        try {
            Process process = new ProcessBuilder(tor.toString(), "--version").redirectErrorStream(true).start();
            byte[] output;
            try (InputStream in = process.getInputStream()) {
                output = in.readNBytes(MAX_VERSION_OUTPUT);
            }
            if (!process.waitFor(VERSION_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            return parseVersion(new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static int[] parseVersion(String output) {
        Matcher m = VERSION.matcher(output);
        if (!m.find()) return null;
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
    }

    static int compare(int[] a, int[] b) {
        return Arrays.compare(a, b);
    }

    static Path extractBundled(Path directory) throws IOException {
        String resource = architecture() + "/tor";
        byte[] expected;
        try (InputStream in = TorBinaries.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) return null;
            expected = sha256(in);
        }
        Path target = directory.resolve("tor-bundled");
        if (!Files.exists(target) || !Arrays.equals(expected, sha256(target))) {
            Path temp = directory.resolve("tor-bundled.tmp");
            try (InputStream in = TorBinaries.class.getClassLoader().getResourceAsStream(resource)) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        if (!Arrays.equals(expected, sha256(target))) throw new IOException("Extracted tor does not match its resource");
        if (!target.toFile().setExecutable(true, true)) throw new IOException("Cannot make the bundled tor executable");
        if (version(target) == null) throw new IOException("The bundled tor does not run here");
        return target;
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            case "arm" -> "armhf";
            default -> arch;
        };
    }

    private static byte[] sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    private static byte[] sha256(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("Java has SHA-256", e);
        }
    }
}
