package org.thicket.messenger.node;

import org.thicket.bramble.lifecycle.api.StartResult;

/** What to tell the user when an account does not start, the same words in every front end. */
public final class StartFailures {

    private StartFailures() {
    }

    public static String describe(StartResult result) {
        return switch (result) {
            case CLOCK_ERROR -> "Your computer's clock is wrong. Set the correct date and time, then try again.";
            case DB_ERROR -> "The database could not be opened. The log says why.";
            case DB_WRONG_KEY_ERROR -> "The key file does not belong to the database. The account data is damaged.";
            case DATA_TOO_OLD_ERROR -> "This account was created by a version too old to upgrade from.";
            case DATA_TOO_NEW_ERROR -> "This account was created by a newer version of Thicket. Please update.";
            case SERVICE_ERROR -> "A part of Thicket failed to start. The log says why.";
            case ALREADY_RUNNING -> "Already started.";
            case SUCCESS -> "Started.";
        };
    }
}
