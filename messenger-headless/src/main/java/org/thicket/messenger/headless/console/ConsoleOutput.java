package org.thicket.messenger.headless.console;

import java.io.PrintWriter;

/**
 * Prints whole lines, one writer at a time (commands and the event printer share it), each flushed at once. Control
 * characters in a line, which could come from a peer's nickname or message and steer the terminal, are shown as '?';
 * a line break inside a message as '↵'.
 */
final class ConsoleOutput {

    static final String ERROR_PREFIX = "error: ";

    private final PrintWriter out;

    ConsoleOutput(PrintWriter out) {
        this.out = out;
    }

    synchronized void line(String text) {
        out.println(safe(text));
        out.flush();
    }

    /** Several lines at once, not interleaved with another thread's, such as a drawn QR code. */
    synchronized void block(String text) {
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) out.println(safe(line));
        }
        out.flush();
    }

    void error(String message) {
        line(ERROR_PREFIX + message);
    }

    private static String safe(String text) {
        StringBuilder line = new StringBuilder(text.length());
        text.codePoints().forEach(c -> line.appendCodePoint(c == '\n' ? '↵' : Character.isISOControl(c) ? '?' : c));
        return line.toString();
    }
}
