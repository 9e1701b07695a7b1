package org.thicket.messenger.headless;

/** The process's exit status; the help text and the module README list these. */
enum ExitCode {
    STOPPED(0, "stopped normally: SIGINT, SIGTERM, quit or end of input (--console, --exit-on-stdin-eof)"),
    FAILED(1, "the account could not be created, unlocked or started (the error says why)"),
    USAGE(2, "bad command line, password source or nickname; nothing was started"),
    WRONG_PASSWORD(3, "the password does not unlock the account; nothing was changed");

    private final int status;
    private final String meaning;

    ExitCode(int status, String meaning) {
        this.status = status;
        this.meaning = meaning;
    }

    int status() {
        return status;
    }

    String meaning() {
        return meaning;
    }
}
