package org.thicket.messenger.headless;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Makes sure the data directory exists; a new one is private to its owner. */
final class DataDirectory {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private DataDirectory() {
    }

    /**
     * Creates {@code dir}, and any missing parents, with mode 0700 on POSIX file systems. An existing directory is
     * left as it is.
     *
     * @return {@code dir}
     */
    static Path prepare(Path dir) throws ExitException {
        if (Files.isDirectory(dir)) return dir;
        try {
            return Files.createDirectories(dir, ownerOnly(dir));
        } catch (IOException e) {
            throw new ExitException(ExitCode.FAILED, "Cannot create the data directory " + dir + ": " + e);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) return new FileAttribute<?>[0];
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)};
    }
}
