package org.thicket.bramble.contact.api;

import org.thicket.bramble.db.api.DbException;

/** The contact a method was asked about is not in the database. */
public class NoSuchContactException extends DbException {

    private static final long serialVersionUID = 1L;

    public NoSuchContactException(String message) {
        super(message);
    }
}
