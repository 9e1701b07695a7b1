package org.thicket.messenger.headless;

/** Ends the program with an exit code and a message for the user; thrown wherever the reason is known. */
final class ExitException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ExitCode code;

    ExitException(ExitCode code, String message) {
        super(message);
        this.code = code;
    }

    static ExitException usage(String message) {
        return new ExitException(ExitCode.USAGE, message);
    }

    ExitCode code() {
        return code;
    }
}
