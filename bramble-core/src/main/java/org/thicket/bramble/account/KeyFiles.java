package org.thicket.bramble.account;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.thicket.bramble.util.Bytes;

/**
 * The password-encrypted database key, kept as hex text in {@code db.key} with a copy in {@code db.key.bak}
 * (specs/account.md). Writes go backup first, then primary, each by write-to-temp, fsync, atomic rename, so that a
 * crash at any point leaves at least one complete file holding a blob that unlocks the database.
 */
final class KeyFiles {

    static final String PRIMARY = "db.key";
    static final String BACKUP = "db.key.bak";

    /** A blob is ~100 bytes; anything much larger is not ours and is not read into memory. */
    private static final long MAX_FILE_BYTES = 4096;

    /** specs/account.md §4: lower-case hex, non-empty, whole bytes. */
    private static final Pattern VALID_HEX = Pattern.compile("(?:[0-9a-f]{2})+");

    private final Path dataDir;

    KeyFiles(Path dataDir) {
        this.dataDir = dataDir;
    }

    boolean exist() {
        return Files.exists(dataDir.resolve(PRIMARY)) || Files.exists(dataDir.resolve(BACKUP));
    }

    /** The distinct readable blobs, primary first. Empty if neither file holds valid hex. */
    List<byte[]> read() {
        List<byte[]> blobs = new ArrayList<>(2);
        readOne(dataDir.resolve(PRIMARY)).ifPresent(blobs::add);
        readOne(dataDir.resolve(BACKUP)).ifPresent(b -> {
            if (blobs.isEmpty() || !Arrays.equals(blobs.get(0), b)) blobs.add(b);
        });
        return blobs;
    }

    void write(byte[] blob) throws IOException {
        OwnerOnly.createDirectory(dataDir);
        byte[] hex = Bytes.toHex(blob).getBytes(StandardCharsets.US_ASCII);
        replaceDurably(dataDir.resolve(BACKUP), hex);
        replaceDurably(dataDir.resolve(PRIMARY), hex);
    }

    void delete() throws IOException {
        Files.deleteIfExists(dataDir.resolve(PRIMARY));
        Files.deleteIfExists(dataDir.resolve(BACKUP));
    }

    private static Optional<byte[]> readOne(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) return Optional.empty();
            String hex = stripOneLineTerminator(Files.readString(file, StandardCharsets.US_ASCII));
            if (!VALID_HEX.matcher(hex).matches()) return Optional.empty();
            return Optional.of(Bytes.fromHex(hex));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // A torn or garbled file: the other copy is there for exactly this case.
            return Optional.empty();
        }
    }

    private static String stripOneLineTerminator(String text) {
        if (text.endsWith("\r\n")) return text.substring(0, text.length() - 2);
        if (text.endsWith("\n")) return text.substring(0, text.length() - 1);
        return text;
    }

    private void replaceDurably(Path target, byte[] content) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OwnerOnly.restrictFile(temp);
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) channel.write(buffer);
            channel.force(true);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The data directory's file system cannot rename atomically: " + dataDir, e);
        }
        syncDirectory();
    }

    /** Makes the rename itself durable; not every platform lets a directory be opened, which is then harmless. */
    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(dataDir, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Windows cannot open directories; its renames are durable enough for our purpose.
        }
    }
}
