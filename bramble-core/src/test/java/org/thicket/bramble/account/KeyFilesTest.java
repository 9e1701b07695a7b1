package org.thicket.bramble.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {

    private static final byte[] OLD = {1, 2, 3};
    private static final byte[] NEW = {4, 5, 6, 7};

    @TempDir
    Path dir;

    @Test
    void writesBothCopiesAsHex() throws Exception {
        KeyFiles files = new KeyFiles(dir);
        files.write(NEW);

        assertThat(Files.readString(dir.resolve(KeyFiles.PRIMARY))).isEqualTo("04050607");
        assertThat(Files.readString(dir.resolve(KeyFiles.BACKUP))).isEqualTo("04050607");
        assertThat(files.read()).containsExactly(NEW);
        try (var listing = Files.list(dir)) {
            assertThat(listing).as("no temp files left behind").hasSize(2);
        }
    }

    @Test
    void crashAfterBackupBeforePrimaryOffersBothBlobsPrimaryFirst() throws Exception {
        Files.writeString(dir.resolve(KeyFiles.PRIMARY), "010203");
        Files.writeString(dir.resolve(KeyFiles.BACKUP), "04050607");

        assertThat(new KeyFiles(dir).read()).containsExactly(OLD, NEW);
    }

    @Test
    void tornOrMissingPrimaryFallsBackToBackup() throws Exception {
        Files.write(dir.resolve(KeyFiles.PRIMARY), "0405g".getBytes(StandardCharsets.US_ASCII));
        Files.writeString(dir.resolve(KeyFiles.BACKUP), "04050607");
        assertThat(new KeyFiles(dir).read()).containsExactly(NEW);

        Files.delete(dir.resolve(KeyFiles.PRIMARY));
        assertThat(new KeyFiles(dir).read()).containsExactly(NEW);
    }

    @Test
    void acceptsOneTrailingLineTerminatorButNotUpperCaseOrOddHex() throws Exception {
        Files.writeString(dir.resolve(KeyFiles.PRIMARY), "04050607\r\n");
        assertThat(new KeyFiles(dir).read()).containsExactly(NEW);

        for (String bad : new String[] {"0405060A", "0405060", " 04050607", "04050607\n\n"}) {
            Files.writeString(dir.resolve(KeyFiles.PRIMARY), bad);
            assertThat(new KeyFiles(dir).read()).as(bad).isEmpty();
        }
    }

    @Test
    void oversizedOrEmptyFilesAreNotBlobs() throws Exception {
        Files.write(dir.resolve(KeyFiles.PRIMARY), new byte[8192]);
        Files.writeString(dir.resolve(KeyFiles.BACKUP), "");

        assertThat(new KeyFiles(dir).read()).isEmpty();
    }

    @Test
    void deleteRemovesBoth() throws Exception {
        KeyFiles files = new KeyFiles(dir);
        files.write(NEW);
        files.delete();

        assertThat(files.exist()).isFalse();
    }
}
