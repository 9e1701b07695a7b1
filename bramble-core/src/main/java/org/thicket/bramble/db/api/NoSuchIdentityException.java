package org.thicket.bramble.db.api;

/** The identity a method was asked about is not in the database. */
public class NoSuchIdentityException extends DbException {

    private static final long serialVersionUID = 1L;

    public NoSuchIdentityException(String message) {
        super(message);
    }
}
