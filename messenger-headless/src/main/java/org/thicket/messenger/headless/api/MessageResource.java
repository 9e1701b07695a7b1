package org.thicket.messenger.headless.api;

import java.util.List;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.messenger.headless.service.Conversations;
import org.thicket.messenger.messaging.api.PrivateMessageHeader;

/**
 * The conversation with a contact: GET and POST /v1/messages/{contactId}, POST /v1/messages/{contactId}/read.
 * Text only; attachments are listed but not sent through the API yet.
 */
final class MessageResource implements ApiResource {

    record SendRequest(String text) {
    }

    /** @param messageId 64 hex digits */
    record ReadRequest(String messageId) {
    }

    private final Conversations conversations;

    MessageResource(Conversations conversations) {
        this.conversations = conversations;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/v1/messages/{contactId}", request -> {
            ContactId contactId = request.contactId("contactId");
            return Reply.ok(conversations.read(contactId).stream()
                    .map(e -> MessageJson.of(contactId, e.header(), e.text())).toList());
        });
        routes.post("/v1/messages/{contactId}", request -> {
            ContactId contactId = request.contactId("contactId");
            String text = request.body(SendRequest.class).text();
            if (text == null) throw ApiException.badRequest("\"text\" is required");
            PrivateMessageHeader sent = conversations.send(contactId, text);
            return Reply.created(MessageJson.of(contactId, sent, text));
        });
        routes.post("/v1/messages/{contactId}/read", request -> {
            ContactId contactId = request.contactId("contactId");
            MessageId messageId = ApiRequest.messageId(request.body(ReadRequest.class).messageId());
            conversations.markRead(contactId, List.of(messageId));
            return Reply.NO_CONTENT;
        });
    }
}
