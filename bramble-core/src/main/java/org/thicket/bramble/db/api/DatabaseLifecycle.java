package org.thicket.bramble.db.api;

import org.thicket.bramble.crypto.api.SecretKey;

/**
 * Opening and closing the database, plus transactions: all the lifecycle manager needs of it. Kept apart from the
 * data methods of {@link DatabaseComponent} so the lifecycle does not depend on every table.
 */
public interface DatabaseLifecycle extends TransactionManager {

    /**
     * Opens the database in the configured directory, creating it if there is none, and migrates its schema if needed.
     *
     * @param key the 32-byte key the files are encrypted with; not retained beyond the call, the caller wipes it
     * @return true if the database was created by this call
     * @throws WrongDatabaseKeyException if the files exist but the key does not open them (nothing is changed)
     * @throws DataTooOldException if the schema is older than any migration can upgrade
     * @throws DataTooNewException if the schema was written by a newer version of the app
     */
    boolean open(SecretKey key, MigrationListener listener) throws DbException;

    /** Closes the database; safe to call when it is not open. */
    void close() throws DbException;
}
