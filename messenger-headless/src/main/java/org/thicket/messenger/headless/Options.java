package org.thicket.messenger.headless;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.thicket.messenger.node.Transports;

/** A parsed command line: the value of each option given, "" for a flag. */
final class Options {

    private final Map<Option, String> values;

    Options(Map<Option, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The directory the user named, or null for the default. */
    String dataDir() {
        return values.get(Option.DATA_DIR);
    }

    /** Null if not given. */
    String nickname() {
        return values.get(Option.NICKNAME);
    }

    /** Null if not given. */
    Path passwordFile() {
        return path(Option.PASSWORD_FILE);
    }

    /** The API's port, 0 for any free one, or null if the API is off; checked by {@link CommandLine}. */
    Integer apiPort() {
        String port = values.get(Option.API_PORT);
        return port == null ? null : Integer.valueOf(port);
    }

    /** Which transports run; checked by {@link CommandLine}. */
    Transports transports() {
        String which = values.get(Option.TRANSPORTS);
        return which == null ? Transports.REAL : Transports.valueOf(which.toUpperCase(Locale.ROOT));
    }

    /** The file of extra torrc lines, or null if not given. */
    Path torTorrc() {
        return path(Option.TOR_TORRC);
    }

    /** The tor executable to run, or null to let the plugin look for one. */
    Path torBinary() {
        return path(Option.TOR_BINARY);
    }

    boolean printLink() {
        return values.containsKey(Option.PRINT_LINK);
    }

    /** The interactive console; quit or the end of input stops the node, as with {@link #exitOnStdinEof()}. */
    boolean console() {
        return values.containsKey(Option.CONSOLE);
    }

    boolean exitOnStdinEof() {
        return values.containsKey(Option.EXIT_ON_STDIN_EOF);
    }

    boolean help() {
        return values.containsKey(Option.HELP);
    }

    /** Null if not given; checked by {@link CommandLine}. */
    private Path path(Option option) {
        String value = values.get(option);
        return value == null ? null : Path.of(value);
    }
}
