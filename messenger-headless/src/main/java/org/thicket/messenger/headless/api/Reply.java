package org.thicket.messenger.headless.api;

/**
 * What an endpoint answers: a status and a body that Jackson writes as JSON, or raw {@link Bytes} (an image), or
 * no body.
 *
 * @param body null for none (204)
 */
record Reply(int status, Object body) {

    static final Reply NO_CONTENT = new Reply(204, null);

    static Reply ok(Object body) {
        return new Reply(200, body);
    }

    static Reply created(Object body) {
        return new Reply(201, body);
    }

    /** A body sent as it is, not as JSON. */
    record Bytes(String contentType, byte[] content) {
    }

    static Reply bytes(String contentType, byte[] content) {
        return new Reply(200, new Bytes(contentType, content));
    }
}
