package org.thicket.bramble.db.api;

/** The database files exist but the key does not decrypt them. Nothing was changed. */
public class WrongDatabaseKeyException extends DbException {

    private static final long serialVersionUID = 1L;

    public WrongDatabaseKeyException(String message) {
        super(message);
    }

    public WrongDatabaseKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
