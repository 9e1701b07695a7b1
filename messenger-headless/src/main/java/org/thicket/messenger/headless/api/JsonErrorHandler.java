package org.thicket.messenger.headless.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself, before a request reaches our handlers (a malformed request line or header, a
 * header too large), as the same {"error": ...} JSON as ours. A server error's own message is not shown: it may
 * name our classes.
 */
final class JsonErrorHandler extends ErrorHandler {

    private final ObjectMapper json;

    JsonErrorHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ApiJson.CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(ApiJson.error(json, reason(code, message))), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, ApiJson.CONTENT_TYPE);
        return ByteBuffer.wrap(ApiJson.error(json, reason(status, reason)));
    }

    private static String reason(int status, String message) {
        if (message == null || HttpStatus.isServerError(status)) return HttpStatus.getMessage(status);
        return message;
    }
}
