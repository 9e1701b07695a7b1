package org.thicket.messenger.headless.api;

/**
 * A request the API refuses: the HTTP status and a message for the client, sent as {"error": message}, with
 * {"reason": code} added when the refusal has a stable code a program can branch on.
 */
final class ApiException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String reason;

    ApiException(int status, String message) {
        this(status, null, message);
    }

    /** @param reason a stable upper-case code such as {@code WRONG_LENGTH}, or null for none */
    ApiException(int status, String reason, String message) {
        super(message);
        this.status = status;
        this.reason = reason;
    }

    int status() {
        return status;
    }

    /** The machine-readable code, or null. */
    String reason() {
        return reason;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message);
    }
}
