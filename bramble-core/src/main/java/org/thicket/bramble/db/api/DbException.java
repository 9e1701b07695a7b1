package org.thicket.bramble.db.api;

/** The database could not do what was asked. The transaction that saw it is rolled back. */
public class DbException extends Exception {

    private static final long serialVersionUID = 1L;

    public DbException(String message) {
        super(message);
    }

    public DbException(String message, Throwable cause) {
        super(message, cause);
    }
}
