package org.thicket.bramble.lifecycle.api;

/** The outcome of {@link LifecycleManager#startServices}. Only SUCCESS means that call started the app. */
public enum StartResult {
    /** Start was already attempted, or the manager was already stopped: a manager starts at most once. */
    ALREADY_RUNNING,
    /** The system clock is outside the reasonable range; the database was not touched. Fix the clock and restart. */
    CLOCK_ERROR,
    /** The database could not be opened or prepared (I/O failure, a failing open-database hook). */
    DB_ERROR,
    /**
     * The database files exist but the key does not open them; nothing was changed. This is not a mistyped password:
     * the account layer has already proved the password by decrypting the key file with it, so the key file and the
     * database do not belong together (one is damaged, or they come from different backups). Asking for the
     * password again cannot help; the UI should say the stored data cannot be opened.
     */
    DB_WRONG_KEY_ERROR,
    /** The stored schema is older than any migration this version can apply. */
    DATA_TOO_OLD_ERROR,
    /** The stored schema was written by a newer version of the app. */
    DATA_TOO_NEW_ERROR,
    /** A service failed to start; the services started before it have been stopped again. */
    SERVICE_ERROR,
    /** The database is open, the hooks have run and every service has started. */
    SUCCESS
}
