package org.thicket.messenger.headless;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.thicket.bramble.identity.api.Author;

/** The nickname of a new account: from {@code --nickname}, else asked for on the terminal. */
final class Nickname {

    /** How often the terminal asks again after a nickname that is not valid. */
    static final int ATTEMPTS = 3;

    private Nickname() {
    }

    /**
     * @param given the {@code --nickname} value, or null
     * @param prompter the terminal, or null if there is none
     * @param missing the message when neither gives a nickname
     */
    static String choose(String given, Prompter prompter, String missing) throws ExitException {
        if (given != null) {
            try {
                return check(given);
            } catch (IllegalArgumentException e) {
                throw ExitException.usage("--nickname: " + e.getMessage());
            }
        }
        if (prompter == null) throw ExitException.usage(missing);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String typed = prompter.readLine("Nickname: ");
            if (typed == null) throw ExitException.usage("No nickname was entered");
            try {
                return check(typed);
            } catch (IllegalArgumentException e) {
                prompter.tell(e.getMessage());
            }
        }
        throw ExitException.usage("No valid nickname in " + ATTEMPTS + " attempts");
    }

    /**
     * Leading and trailing blanks are dropped, as the desktop app does. Control characters are refused because the
     * READY line and logs must stay one line each.
     *
     * @return the nickname to use
     * @throws IllegalArgumentException saying what is wrong
     */
    static String check(String input) {
        String nickname = input.strip();
        int bytes = nickname.getBytes(UTF_8).length;
        if (bytes == 0) throw new IllegalArgumentException("The nickname is empty");
        if (bytes > Author.MAX_NAME_BYTES) {
            throw new IllegalArgumentException("The nickname is " + bytes + " UTF-8 bytes long; at most "
                    + Author.MAX_NAME_BYTES + " are allowed");
        }
        if (nickname.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("The nickname must not contain control characters");
        }
        return nickname;
    }
}
