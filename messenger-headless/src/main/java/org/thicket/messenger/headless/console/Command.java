package org.thicket.messenger.headless.console;

/**
 * One console command.
 *
 * @param name the word that starts the line
 * @param synopsis the arguments as {@code help} shows them, "" for none
 * @param help one line saying what the command does
 */
record Command(String name, String synopsis, String help, Action action) {

    /** What the command does with the rest of the line; any exception becomes a one-line error. */
    @FunctionalInterface
    interface Action {
        void run(Arguments arguments) throws Exception;
    }
}
