package org.thicket.bramble.account.api;

/** The password does not unlock this account. */
public class WrongPasswordException extends Exception {

    private static final long serialVersionUID = 1L;

    public WrongPasswordException() {
        super("Wrong password");
    }
}
