package org.thicket.messenger.headless;

import java.util.Arrays;
import java.util.Optional;

/** The command-line options. A new option is a constant here plus an accessor in {@link Options}. */
enum Option {
    DATA_DIR("--data-dir", "DIR", "where the account lives (default: see below)"),
    NICKNAME("--nickname", "NAME", "nickname for a new account, 1 to 50 UTF-8 bytes (asked for if missing)"),
    PASSWORD_FILE("--password-file", "FILE", "read the password from the first line of FILE"),
    API_PORT("--api-port", "PORT", "serve the local API on 127.0.0.1:PORT (0: any free port)"),
    TRANSPORTS("--transports", "WHICH", "real (default): LAN and Tor; tor: Tor only; loopback: local LAN; none"),
    TOR_TORRC("--tor-torrc", "FILE", "append FILE's lines to tor's torrc (bridges, a private Tor network)"),
    TOR_BINARY("--tor-binary", "PATH", "run this tor instead of the system's or a bundled one"),
    PRINT_LINK("--print-link", null, "after READY, print our link for adding us remotely: LINK briar://..."),
    CONSOLE("--console", null, "after READY, read commands from standard input until quit or its end"),
    EXIT_ON_STDIN_EOF("--exit-on-stdin-eof", null, "also stop when standard input ends"),
    HELP("--help", null, "print this help and exit");

    private final String flag;
    private final String valueName;
    private final String help;

    Option(String flag, String valueName, String help) {
        this.flag = flag;
        this.valueName = valueName;
        this.help = help;
    }

    static Optional<Option> named(String flag) {
        return Arrays.stream(values()).filter(o -> o.flag.equals(flag)).findFirst();
    }

    String flag() {
        return flag;
    }

    boolean takesValue() {
        return valueName != null;
    }

    /** The flag as the help text shows it, with its value placeholder. */
    String synopsis() {
        return takesValue() ? flag + " " + valueName : flag;
    }

    String help() {
        return help;
    }
}
