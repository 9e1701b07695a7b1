package org.thicket.messenger.headless.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokenTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void requirePosix() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX");
    }

    @Test
    void theFirstLoadMakesAPrivateRandomTokenAndLaterLoadsReadIt() throws Exception {
        ApiToken first = ApiToken.loadOrCreate(dir);
        Path file = dir.resolve(ApiToken.FILE_NAME);
        String token = Files.readString(file, UTF_8);

        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first.matches("Bearer " + token)).isTrue();
        assertThat(ApiToken.loadOrCreate(dir).matches("Bearer " + token)).isTrue();
        assertThat(Files.readString(file, UTF_8)).isEqualTo(token);
    }

    @Test
    void twoDataDirectoriesGetDifferentTokens() throws Exception {
        ApiToken.loadOrCreate(dir.resolve(mkdir("a")));
        ApiToken.loadOrCreate(dir.resolve(mkdir("b")));

        assertThat(Files.readString(dir.resolve("a").resolve(ApiToken.FILE_NAME)))
                .isNotEqualTo(Files.readString(dir.resolve("b").resolve(ApiToken.FILE_NAME)));
    }

    @Test
    void aTokenFileOthersMayReadIsRefused() throws Exception {
        ApiToken.loadOrCreate(dir);
        Path file = dir.resolve(ApiToken.FILE_NAME);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> ApiToken.loadOrCreate(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("may be read or written by other users");
    }

    @Test
    void aFileThatHoldsNoTokenIsRefused() throws Exception {
        Path file = Files.createFile(dir.resolve(ApiToken.FILE_NAME),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, "short\n", UTF_8);

        assertThatThrownBy(() -> ApiToken.loadOrCreate(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("does not hold an API token");
    }

    @Test
    void aTokenWrittenByHandWithANewlineIsRead() throws Exception {
        Path file = Files.createFile(dir.resolve(ApiToken.FILE_NAME),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        String token = "a".repeat(43);
        Files.writeString(file, token + "\n", UTF_8);

        ApiToken loaded = ApiToken.loadOrCreate(dir);

        assertThat(loaded.matches("Bearer " + token)).isTrue();
        assertThat(loaded.matches("Bearer " + token + "\n")).isFalse();
        assertThat(loaded.matches("Bearer  " + token)).isFalse();
        assertThat(loaded.matches("Bearer " + "\u00e4".repeat(43))).isFalse();
        assertThat(loaded.matches(null)).isFalse();
    }

    private String mkdir(String name) throws IOException {
        Files.createDirectory(dir.resolve(name));
        return name;
    }
}
