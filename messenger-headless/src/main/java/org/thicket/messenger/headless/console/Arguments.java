package org.thicket.messenger.headless.console;

/** The rest of a command line after the command's name: words separated by blanks, or the remainder as typed. */
final class Arguments {

    private final String usage;
    private String rest;

    /** @param usage the command with its synopsis, for the error when an argument is missing */
    Arguments(String rest, String usage) {
        this.rest = rest.strip();
        this.usage = usage;
    }

    /** The next word. */
    String word(String what) throws ConsoleException {
        if (rest.isEmpty()) throw missing(what);
        return nextWord();
    }

    /** The next word, or null if there is none. */
    String optionalWord() {
        return rest.isEmpty() ? null : nextWord();
    }

    private String nextWord() {
        int blank = firstBlank(rest);
        String word = blank < 0 ? rest : rest.substring(0, blank);
        rest = blank < 0 ? "" : rest.substring(blank).strip();
        return word;
    }

    /** Everything left, inner blanks kept as typed. */
    String remainder(String what) throws ConsoleException {
        if (rest.isEmpty()) throw missing(what);
        String all = rest;
        rest = "";
        return all;
    }

    /** Refuses words nobody asked for, so that a typo does not go unnoticed. */
    void end() throws ConsoleException {
        if (!rest.isEmpty()) throw new ConsoleException("Too many arguments; usage: " + usage);
    }

    private ConsoleException missing(String what) {
        return new ConsoleException("Missing " + what + "; usage: " + usage);
    }

    private static int firstBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) return i;
        }
        return -1;
    }
}
