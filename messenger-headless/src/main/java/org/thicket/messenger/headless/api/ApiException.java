package org.thicket.messenger.headless.api;

/** A request the API refuses: the HTTP status and a message for the client, sent as {"error": message}. */
final class ApiException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message);
    }
}
