package org.thicket.bramble.util;

import java.io.IOException;

/** Input from outside (a peer, a file, a QR code, a link) did not have the expected format. */
public class FormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public FormatException(String message) {
        super(message);
    }

    public FormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
