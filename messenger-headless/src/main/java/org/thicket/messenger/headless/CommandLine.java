package org.thicket.messenger.headless;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.thicket.messenger.node.DataDirectories;

/**
 * Parses {@code thicket-node [OPTION]...}: options only, each at most once, a value either as the next argument
 * or after '='. Everything else is a usage error, so a typo never silently changes what the node does.
 */
final class CommandLine {

    static final String PROGRAM = "thicket-node";
    private static final int MAX_PORT = 65535;
    private static final List<String> TRANSPORT_CHOICES = List.of("real", "tor", "loopback", "none");

    private CommandLine() {
    }

    static Options parse(List<String> args) throws ExitException {
        Map<Option, String> values = new EnumMap<>(Option.class);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int equals = arg.indexOf('=');
            String flag = arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
            Option option = Option.named(flag).orElseThrow(() -> ExitException.usage(unknown(flag)));
            String value;
            if (!option.takesValue()) {
                if (!flag.equals(arg)) throw ExitException.usage(flag + " takes no value");
                value = "";
            } else if (!flag.equals(arg)) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                throw ExitException.usage(option.synopsis() + ": the value is missing");
            }
            if (option.takesValue() && value.isEmpty()) throw ExitException.usage(flag + ": the value is empty");
            if (values.put(option, value) != null) throw ExitException.usage(flag + " is given more than once");
        }
        requirePath(values, Option.DATA_DIR);
        requirePath(values, Option.PASSWORD_FILE);
        requirePath(values, Option.TOR_TORRC);
        requirePath(values, Option.TOR_BINARY);
        requirePort(values.get(Option.API_PORT));
        requireTransports(values.get(Option.TRANSPORTS));
        return new Options(values);
    }

    /** Names an unknown option without its value: "--password=..." must not land in a log. */
    private static String unknown(String flag) {
        return (flag.startsWith("-") ? "Unknown option: " : "Unexpected argument: ") + flag;
    }

    private static void requirePath(Map<Option, String> values, Option option) throws ExitException {
        String value = values.get(option);
        if (value == null) return;
        try {
            Path.of(value);
        } catch (InvalidPathException e) {
            throw ExitException.usage(option.flag() + ": not a path: " + e.getReason());
        }
    }

    private static void requirePort(String value) throws ExitException {
        if (value == null) return;
        if (value.matches("[0-9]{1,5}") && Integer.parseInt(value) <= MAX_PORT) return;
        throw ExitException.usage(Option.API_PORT.flag() + ": not a port number from 0 to " + MAX_PORT + ": " + value);
    }

    private static void requireTransports(String value) throws ExitException {
        if (value == null || TRANSPORT_CHOICES.contains(value)) return;
        throw ExitException.usage(Option.TRANSPORTS.flag() + ": one of " + String.join(", ", TRANSPORT_CHOICES)
                + ", not: " + value);
    }

    static String usage() {
        StringBuilder text = new StringBuilder()
                .append("Usage: ").append(PROGRAM).append(" [OPTION]...\n")
                .append("Runs a Thicket node until SIGINT or SIGTERM. Creates the account if the data directory has\n")
                .append("none, otherwise unlocks it. Once running, prints one line on standard output:\n")
                .append("  READY nickname=<nickname> author=<author ID, 64 hex digits>\n")
                .append("With --api-port, one line before it says where the local API listens (docs/api.md):\n")
                .append("  API url=http://127.0.0.1:<port> token-file=<data directory>/api-token\n")
                .append("With --print-link, one line after it is our link for adding us remotely:\n")
                .append("  LINK briar://<53 characters>\n")
                .append("\nOptions (a value may also follow '=', as in --data-dir=DIR):\n");
        for (Option option : Option.values()) {
            text.append(String.format("  %-22s %s\n", option.synopsis(), option.help()));
        }
        text.append("\nThe data directory, first match wins: --data-dir DIR, the system property ")
                .append(DataDirectories.PROPERTY).append(",\n")
                .append("$XDG_DATA_HOME/thicket, ~/.local/share/thicket. A new one is private to its owner (0700).\n")
                .append("\nThe password is read from, first match wins:\n")
                .append("  1. --password-file FILE: its first line; FILE must be private to its owner (chmod 600)\n")
                .append("  2. the environment variable ").append(PasswordSource.ENV_VAR).append('\n')
                .append("  3. the terminal (asked twice for a new account)\n")
                .append("It is never taken from the command line, where other users could see it.\n")
                .append("\nExit status:\n");
        for (ExitCode code : ExitCode.values()) {
            text.append(String.format("  %d  %s\n", code.status(), code.meaning()));
        }
        return text.toString();
    }
}
