package org.thicket.messenger.headless.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The first handler of every request, the WebSocket upgrade included: without the bearer token it answers 401 and
 * nothing behind it runs.
 */
final class TokenCheck extends Handler.Wrapper {

    private final ApiToken token;
    private final byte[] unauthorized;

    TokenCheck(ApiToken token, ObjectMapper json, Handler next) {
        super(next);
        this.token = token;
        this.unauthorized = ApiJson.error(json, "Missing or wrong bearer token (see " + ApiToken.FILE_NAME
                + " in the data directory)");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (token.matches(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
            return super.handle(request, response, callback);
        }
        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
        ApiJson.closeAfter(response);
        ApiJson.write(response, callback, 401, unauthorized);
        return true;
    }
}
