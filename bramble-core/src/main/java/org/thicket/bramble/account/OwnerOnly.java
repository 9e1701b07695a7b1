package org.thicket.bramble.account;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Keeps the account's files away from other users of the computer. They are encrypted anyway, but who can copy them
 * decides who can try passwords offline. On file systems without POSIX permissions this does nothing.
 */
final class OwnerOnly {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /**
     * Creates the directory, owner-only, and any missing parents. A directory that exists already is left as it is:
     * the user may have pointed us at one whose permissions are theirs to choose.
     */
    static void createDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) return;
        Files.createDirectories(dir);
        restrict(dir, DIRECTORY);
    }

    static void restrictFile(Path file) throws IOException {
        restrict(file, FILE);
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) return;
        Files.setPosixFilePermissions(path, permissions);
    }
}
