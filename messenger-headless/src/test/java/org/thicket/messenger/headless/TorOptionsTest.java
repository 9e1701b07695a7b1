package org.thicket.messenger.headless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.inject.Guice;
import com.google.inject.util.Modules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.plugin.tor.TorModule;
import org.thicket.bramble.plugin.tor.api.TorConfig;
import org.thicket.messenger.MessengerCoreModule;

class TorOptionsTest {

    @TempDir
    Path dir;

    @Test
    void withoutTheOptionsNothingIsOverridden() throws Exception {
        assertThat(TorOptions.overrides(null, null)).isEmpty();
    }

    @Test
    void appendsTheFilesLinesAndUsesTheBinaryOnTopOfTheDefaults() throws Exception {
        Path torrc = Files.writeString(dir.resolve("torrc"),
                "# a private network\nTestingTorNetwork 1\n\n  DirAuthority auth orport=5000 127.0.0.1:5001 AB\t\n");

        TorConfig config = Guice.createInjector(Modules.override(new MessengerCoreModule(dir), new TorModule())
                .with(TorOptions.overrides(torrc, Path.of("/opt/tor/tor")))).getInstance(TorConfig.class);

        assertThat(config).isEqualTo(TorConfig.defaults(dir.resolve("tor")).withTorBinary(Path.of("/opt/tor/tor"))
                .withExtraTorrcLines(List.of("TestingTorNetwork 1", "DirAuthority auth orport=5000 127.0.0.1:5001 AB")));
    }

    @Test
    void refusesAMissingFile() {
        assertThat(usageError(dir.resolve("missing"))).startsWith("--tor-torrc: cannot read ");
    }

    @Test
    void refusesTooManyLines() throws Exception {
        Path torrc = Files.write(dir.resolve("torrc"), Collections.nCopies(TorOptions.MAX_LINES + 1, "Log notice"));

        assertThat(usageError(torrc)).isEqualTo("--tor-torrc: more than 200 lines");
    }

    @Test
    void refusesAnOverlongLineOrAControlCharacter() throws Exception {
        Path overlong = Files.writeString(dir.resolve("long"), "Nickname " + "x".repeat(TorOptions.MAX_LINE_LENGTH));
        Path control = Files.writeString(dir.resolve("control"), "Nickname a\u0000b\n");

        assertThat(usageError(overlong)).contains("longer than 1000 characters");
        assertThat(usageError(control)).contains("control character");
    }

    @Test
    void refusesAFileThatIsNoUtf8Text() throws Exception {
        Path torrc = Files.write(dir.resolve("torrc"), new byte[] {'a', (byte) 0xff, '\n'});

        assertThat(usageError(torrc)).startsWith("--tor-torrc: not UTF-8 text");
    }

    private static String usageError(Path torrc) {
        ExitException e = catchThrowableOfType(ExitException.class, () -> TorOptions.overrides(torrc, null));
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ExitCode.USAGE);
        return e.getMessage();
    }
}
