package org.thicket.bramble.validation.api;

/** A message broke its client's rules. It is marked INVALID, never delivered, and its dependents fail with it. */
public class InvalidMessageException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidMessageException(String message) {
        super(message);
    }

    public InvalidMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
