package org.thicket.messenger.headless.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The API's JSON: one strict mapper, and replies written as UTF-8 JSON. */
final class ApiJson {

    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    /** Bodies are at most 64 KiB, so no JSON value nests deeper than our own requests ever do by much. */
    private static final int MAX_NESTING = 16;

    private ApiJson() {
    }

    /** Refuses unknown fields, trailing data and nulls for numbers, so a typo is an error rather than ignored. */
    static ObjectMapper mapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        mapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
        return mapper;
    }

    static byte[] error(ObjectMapper json, String message) {
        return bytes(json, Map.of("error", message));
    }

    static byte[] bytes(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Our own reply did not serialise", e);
        }
    }

    /** Completes the exchange with the status and, unless it is null, the JSON body. */
    static void write(Response response, Callback callback, int status, byte[] body) {
        write(response, callback, status, CONTENT_TYPE, body);
    }

    /**
     * Marks the answer as the connection's last, for a request refused before its body was read. Jetty drops the
     * connection when an unread body is still arriving after the answer; without this header a client may already
     * have sent its next request on that connection, which then fails with no answer at all.
     */
    static void closeAfter(Response response) {
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    }

    /** Completes the exchange with the status and, unless it is null, a body of this content type. */
    static void write(Response response, Callback callback, int status, String contentType, byte[] body) {
        response.setStatus(status);
        if (body == null) {
            response.write(true, null, callback);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
