package org.thicket.bramble.db.api;

/** The stored schema is older than any migration this version can apply. */
public class DataTooOldException extends DbException {

    private static final long serialVersionUID = 1L;

    public DataTooOldException(String message) {
        super(message);
    }

    public DataTooOldException(String message, Throwable cause) {
        super(message, cause);
    }
}
