package org.thicket.messenger.headless;

import org.thicket.bramble.identity.api.Author;
import org.thicket.bramble.util.Bytes;

/**
 * The one line on standard output that tells scripts the node runs: {@code READY nickname=<name> author=<hex>}.
 * The author ID is always the last field and 64 lower-case hex digits, so a nickname with blanks still parses.
 */
final class ReadyLine {

    static final String PREFIX = "READY ";

    private ReadyLine() {
    }

    static String of(Author author) {
        return PREFIX + "nickname=" + oneLine(author.name()) + " author=" + Bytes.toHex(author.id().getBytes());
    }

    /** New nicknames cannot hold control characters, but one stored by another app might. */
    private static String oneLine(String name) {
        StringBuilder line = new StringBuilder(name.length());
        name.codePoints().forEach(c -> line.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return line.toString();
    }
}
