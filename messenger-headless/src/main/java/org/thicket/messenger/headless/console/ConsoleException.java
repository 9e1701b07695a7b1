package org.thicket.messenger.headless.console;

/** Input the console refuses; the message is printed as the one-line error. */
final class ConsoleException extends Exception {

    private static final long serialVersionUID = 1L;

    ConsoleException(String message) {
        super(message);
    }
}
