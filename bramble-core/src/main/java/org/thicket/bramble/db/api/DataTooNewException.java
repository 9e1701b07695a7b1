package org.thicket.bramble.db.api;

/** The stored schema was written by a newer version of the app; opening it could lose data. */
public class DataTooNewException extends DbException {

    private static final long serialVersionUID = 1L;

    public DataTooNewException(String message) {
        super(message);
    }

    public DataTooNewException(String message, Throwable cause) {
        super(message, cause);
    }
}
