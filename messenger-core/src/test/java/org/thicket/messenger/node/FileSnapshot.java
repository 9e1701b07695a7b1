package org.thicket.messenger.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.thicket.bramble.util.Bytes;

/** A SHA-256 of every file under a directory, to show that an operation changed nothing on disk. */
final class FileSnapshot {

    private FileSnapshot() {
    }

    static Map<Path, String> of(Path dir) throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(f -> files.put(dir.relativize(f), read(f)));
        }
        return files;
    }

    private static String read(Path file) {
        try {
            return Bytes.toHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("Every JDK has SHA-256", e);
        }
    }
}
