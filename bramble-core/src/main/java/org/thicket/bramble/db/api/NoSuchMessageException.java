package org.thicket.bramble.db.api;

/** The message a method was asked about is not in the database. */
public class NoSuchMessageException extends DbException {

    private static final long serialVersionUID = 1L;

    public NoSuchMessageException(String message) {
        super(message);
    }
}
