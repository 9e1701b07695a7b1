package org.thicket.messenger.headless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @TempDir
    Path tmp;

    @Test
    void createsAMissingDirectoryAndItsParentsForTheOwnerOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path dir = tmp.resolve("parent/thicket");

        assertThat(DataDirectory.prepare(dir)).isEqualTo(dir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void leavesAnExistingDirectoryAsItIs() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path dir = Files.createDirectory(tmp.resolve("shared"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));

        DataDirectory.prepare(dir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwxr-x---");
    }

    @Test
    void aFileInTheWayIsAFailure() throws Exception {
        Path file = Files.createFile(tmp.resolve("file"));

        ExitException e = catchThrowableOfType(ExitException.class, () -> DataDirectory.prepare(file));

        assertThat(e.code()).isEqualTo(ExitCode.FAILED);
        assertThat(e.getMessage()).startsWith("Cannot create the data directory " + file);
    }
}
