package org.thicket.messenger.qr.api;

/** An image or a pasted text did not yield a payload; the message says why, in words for the user. */
public class QrDecodeException extends Exception {

    private static final long serialVersionUID = 1L;

    public QrDecodeException(String message) {
        super(message);
    }

    public QrDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
