package org.thicket.bramble.contact.api;

import org.thicket.bramble.db.api.DbException;

/** The remote author is already a contact of that local identity: each identity has an author as contact once. */
public class ContactExistsException extends DbException {

    private static final long serialVersionUID = 1L;

    public ContactExistsException(String message) {
        super(message);
    }
}
