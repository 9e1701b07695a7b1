package org.thicket.bramble.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.thicket.bramble.util.Bytes;

/**
 * Loads the known-answer vectors in {@code specs/vectors/<name>.json}, the machine-readable half of our spec.
 * Each file is {@code {"description": "...", "source": "...", "vectors": [{"name": "...", ...}, ...]}}; byte
 * strings are lower-case hex in fields whose name ends in {@code Hex}.
 */
public final class Vectors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Vectors() {
    }

    /** The repository's specs/vectors directory, found from the module's working directory. */
    public static Path directory() {
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolve("specs").resolve("vectors");
            if (Files.isDirectory(candidate)) return candidate;
        }
        throw new IllegalStateException("specs/vectors not found above " + Path.of("").toAbsolutePath());
    }

    /** Every vector in the file, in order; fails if the file has none (a vector file is never empty). */
    public static List<JsonNode> load(String name) {
        Path file = directory().resolve(name + ".json");
        try {
            JsonNode root = JSON.readTree(file.toFile());
            List<JsonNode> vectors = new ArrayList<>();
            root.get("vectors").forEach(vectors::add);
            if (vectors.isEmpty()) throw new IllegalStateException(file + " has no vectors");
            return vectors;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    public static byte[] hex(JsonNode vector, String field) {
        JsonNode node = vector.get(field);
        if (node == null) throw new IllegalArgumentException("Vector " + vector.path("name").asText() + " has no " + field);
        return Bytes.fromHex(node.asText());
    }
}
