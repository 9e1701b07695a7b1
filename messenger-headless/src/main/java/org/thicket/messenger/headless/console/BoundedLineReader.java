package org.thicket.messenger.headless.console;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most {@link #MAX_LINE_CHARS} characters. A longer line is read to its end, thrown away and
 * refused, so that a pasted file cannot fill the memory and its tail is not taken for commands.
 */
final class BoundedLineReader {

    static final int MAX_LINE_CHARS = 64 * 1024;

    private final Reader in;

    BoundedLineReader(Reader in) {
        this.in = in;
    }

    /**
     * @return the next line without its line end, or null at the end of input
     * @throws ConsoleException if the line is too long; the next call reads the line after it
     */
    String readLine() throws IOException, ConsoleException {
        StringBuilder line = new StringBuilder();
        boolean tooLong = false;
        int c = in.read();
        if (c < 0) return null;
        while (c >= 0 && c != '\n') {
            if (line.length() < MAX_LINE_CHARS + 1) line.append((char) c);
            else tooLong = true;
            c = in.read();
        }
        if (line.length() > 0 && line.charAt(line.length() - 1) == '\r') line.setLength(line.length() - 1);
        if (tooLong || line.length() > MAX_LINE_CHARS) {
            throw new ConsoleException("The line is longer than " + MAX_LINE_CHARS + " characters; refused");
        }
        return line.toString();
    }
}
