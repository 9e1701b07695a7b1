package org.thicket.bramble.db.api;

/** The group a method was asked about is not in the database. */
public class NoSuchGroupException extends DbException {

    private static final long serialVersionUID = 1L;

    public NoSuchGroupException(String message) {
        super(message);
    }
}
