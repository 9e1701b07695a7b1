package org.thicket.messenger.headless;

import java.io.Console;

/** Questions to the person at the terminal; absent when there is none (a service, a pipe, a test). */
interface Prompter {

    /** @return the line without its terminator, or null at the end of input */
    String readLine(String prompt);

    /** Reads without echo. @return the characters, which the caller wipes, or null at the end of input */
    char[] readPassword(String prompt);

    /** A remark between questions, e.g. why the last answer was refused. */
    void tell(String message);

    static Prompter of(Console console) {
        return new Prompter() {
            @Override
            public String readLine(String prompt) {
                return console.readLine("%s", prompt);
            }

            @Override
            public char[] readPassword(String prompt) {
                return console.readPassword("%s", prompt);
            }

            @Override
            public void tell(String message) {
                console.printf("%s%n", message);
            }
        };
    }
}
