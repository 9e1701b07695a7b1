package org.thicket.messenger.headless;

import com.google.inject.Module;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.thicket.bramble.plugin.tor.TorModule;
import org.thicket.bramble.plugin.tor.api.TorConfig;

/**
 * {@code --tor-torrc} and {@code --tor-binary}: changes to the Tor transport's default configuration. They matter
 * only when the node runs Tor ({@code --transports real} or {@code tor}).
 */
final class TorOptions {

    /** More than any bridge list or private network needs; a bigger file is a mistake. */
    static final int MAX_LINES = 200;
    static final int MAX_LINE_LENGTH = 1000;
    private static final long MAX_FILE_BYTES = (long) MAX_LINES * (MAX_LINE_LENGTH + 2);

    private TorOptions() {
    }

    /**
     * @param torrc a file of lines to append to tor's torrc, or null; blank lines and lines starting with '#' are
     *        left out
     * @param binary the tor executable, or null
     */
    static Module[] overrides(Path torrc, Path binary) throws ExitException {
        if (torrc == null && binary == null) return new Module[0];
        List<String> lines = torrc == null ? List.of() : readTorrcLines(torrc);
        Path absoluteBinary = binary == null ? null : binary.toAbsolutePath();
        UnaryOperator<TorConfig> change = config -> config.withExtraTorrcLines(lines).withTorBinary(absoluteBinary);
        return new Module[] {TorModule.adjustingConfig(change)};
    }

    static List<String> readTorrcLines(Path torrc) throws ExitException {
        String flag = Option.TOR_TORRC.flag();
        List<String> lines;
        try {
            if (Files.size(torrc) > MAX_FILE_BYTES) {
                throw ExitException.usage(flag + ": more than " + MAX_FILE_BYTES + " bytes: " + torrc);
            }
            lines = Files.readAllLines(torrc, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw ExitException.usage(flag + ": not UTF-8 text: " + torrc);
        } catch (IOException e) {
            throw ExitException.usage(flag + ": cannot read " + torrc + ": " + e.getMessage());
        }
        List<String> kept = lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        if (kept.size() > MAX_LINES) throw ExitException.usage(flag + ": more than " + MAX_LINES + " lines");
        for (String line : kept) {
            boolean control = line.chars().anyMatch(c -> c != '\t' && Character.isISOControl(c));
            if (line.length() > MAX_LINE_LENGTH || control) {
                throw ExitException.usage(flag + ": a line is longer than " + MAX_LINE_LENGTH
                        + " characters or holds a control character");
            }
        }
        return kept;
    }
}
