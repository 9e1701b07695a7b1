package org.thicket.messenger.headless.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.PendingContactId;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.util.Bytes;
import org.thicket.bramble.util.UniqueId;
import org.thicket.messenger.headless.service.UserInput;

/** One request as an endpoint sees it: the values of the route's path parameters and the body, read and bounded. */
final class ApiRequest {

    private final Map<String, String> pathParameters;
    private final String contentType;
    private final byte[] body;
    private final ObjectMapper json;

    /** @param contentType the Content-Type header, or null if there is none */
    ApiRequest(Map<String, String> pathParameters, String contentType, byte[] body, ObjectMapper json) {
        this.pathParameters = Map.copyOf(pathParameters);
        this.contentType = contentType;
        this.body = body;
        this.json = json;
    }

    /** The Content-Type header, or null. */
    String contentType() {
        return contentType;
    }

    /** The body as sent (at most {@link ApiHandler#MAX_BODY_BYTES}), for endpoints that take other than JSON. */
    byte[] rawBody() {
        return body.clone();
    }

    /** The path parameter {@code {name}} as a contact ID: a positive decimal number. */
    ContactId contactId(String name) throws ApiException {
        try {
            return UserInput.contactId(pathParameters.get(name));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** The path parameter {@code {name}} as a pending contact's ID: 64 hex digits. */
    PendingContactId pendingContactId(String name) throws ApiException {
        return new PendingContactId(uniqueId(pathParameters.get(name), "pending contact"));
    }

    /**
     * The body as JSON of the given type; unknown fields are refused.
     *
     * @throws ApiException 400 if there is no body or it is not such JSON
     */
    <T> T body(Class<T> type) throws ApiException {
        if (body.length == 0) throw ApiException.badRequest("A JSON body is required");
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("Malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("Unreadable body");
        }
    }

    /** A message ID given as 64 hex digits. */
    static MessageId messageId(String hex) throws ApiException {
        return new MessageId(uniqueId(hex, "message"));
    }

    private static byte[] uniqueId(String hex, String what) throws ApiException {
        if (hex == null || hex.length() != 2 * UniqueId.LENGTH || !hex.matches("[0-9a-fA-F]+")) {
            throw ApiException.badRequest("A " + what + " ID is " + 2 * UniqueId.LENGTH + " hex digits");
        }
        return Bytes.fromHex(hex);
    }
}
