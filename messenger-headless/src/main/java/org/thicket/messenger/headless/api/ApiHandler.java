package org.thicket.messenger.headless.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.contact.api.NoSuchContactException;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.NoSuchMessageException;
import org.thicket.messenger.messaging.api.NotSupportedByContactException;

/**
 * Dispatches a request to its route's endpoint and writes the reply. Every failure becomes a JSON error with a 4xx
 * or 5xx status; nothing a client sends reaches the node without passing the endpoint's checks.
 */
final class ApiHandler extends Handler.Abstract {

    /** The largest request body read: 64 KiB, twice what the longest message text takes. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final long MAX_DISCARDED_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    private final Routes routes;
    private final ObjectMapper json;

    ApiHandler(Routes routes, ObjectMapper json) {
        this.routes = routes;
        this.json = json;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        String path = Request.getPathInContext(request);
        Reply reply;
        try {
            reply = dispatch(request, response, method, path);
        } catch (ApiException e) {
            reply = error(e.status(), e.reason(), e.getMessage());
        } catch (NoSuchContactException e) {
            reply = error(404, "No such contact");
        } catch (NoSuchMessageException e) {
            reply = error(404, "No such message");
        } catch (NotSupportedByContactException e) {
            reply = error(409, "The contact does not run private messaging");
        } catch (IllegalArgumentException e) {
            reply = error(400, e.getMessage());
        } catch (DbException e) {
            LOG.warn("{} {}: database error", method, path, e);
            reply = error(500, "Database error");
        } catch (Exception e) {
            LOG.error("{} {} failed", method, path, e);
            reply = error(500, "Internal error");
        }
        if (reply.body() instanceof Reply.Bytes raw) {
            ApiJson.write(response, callback, reply.status(), raw.contentType(), raw.content());
            return true;
        }
        ApiJson.write(response, callback, reply.status(),
                reply.body() == null ? null : ApiJson.bytes(json, reply.body()));
        return true;
    }

    private Reply dispatch(Request request, Response response, String method, String path) throws Exception {
        Optional<Routes.Match> match = routes.match(method, path);
        if (match.isEmpty()) {
            ApiJson.closeAfter(response);
            if (routes.hasPath(path)) throw new ApiException(405, method + " is not allowed on " + path);
            throw ApiException.notFound("No such resource: " + path);
        }
        byte[] body = readBody(request);
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        return match.get().endpoint().handle(new ApiRequest(match.get().pathParameters(), contentType, body, json));
    }

    /**
     * At most {@link #MAX_BODY_BYTES}. A body that is too large is read on, up to {@link #MAX_DISCARDED_BYTES}, and
     * thrown away before the refusal: a client still sending when the server answers and closes would see the
     * connection reset instead of the 413.
     */
    private static byte[] readBody(Request request) throws ApiException, IOException {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length <= MAX_BODY_BYTES) return body;
            in.skipNBytes(Math.min(MAX_DISCARDED_BYTES, Math.max(0, request.getLength() - body.length)));
            throw tooLarge();
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "The body is larger than " + MAX_BODY_BYTES + " bytes");
    }

    private static Reply error(int status, String message) {
        return error(status, null, message);
    }

    /** {"error": message}, and "reason" after it if there is one. */
    private static Reply error(int status, String reason, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", message == null ? "" : message);
        if (reason != null) body.put("reason", reason);
        return new Reply(status, body);
    }
}
