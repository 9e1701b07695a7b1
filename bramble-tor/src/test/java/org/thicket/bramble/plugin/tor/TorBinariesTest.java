package org.thicket.bramble.plugin.tor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled tor from org.briarproject:tor-linux: the fallback when the system has no tor 0.4.8 or newer. */
class TorBinariesTest {

    @TempDir
    Path dir;

    @Test
    void theBundledTorIsExtractedOnceCheckedAndRuns() throws Exception {
        Path tor = TorBinaries.extractBundled(dir);

        assertThat(tor).isNotNull().startsWith(dir);
        assertThat(TorBinaries.version(tor)).as("tor --version").containsExactly(0, 4, 7);
        long modified = Files.getLastModifiedTime(tor).toMillis();
        assertThat(TorBinaries.extractBundled(dir)).isEqualTo(tor);
        assertThat(Files.getLastModifiedTime(tor).toMillis()).as("not copied again").isEqualTo(modified);
    }

    @Test
    void aTamperedExtractedCopyIsReplaced() throws Exception {
        Path tor = TorBinaries.extractBundled(dir);
        Files.write(tor, new byte[] {1, 2, 3});

        assertThat(TorBinaries.extractBundled(dir)).isEqualTo(tor);
        assertThat(TorBinaries.version(tor)).containsExactly(0, 4, 7);
    }
}
