package org.thicket.messenger.headless.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.thicket.messenger.messaging.api.MessagingConstants.MAX_PRIVATE_MESSAGE_TEXT_LENGTH;
import static org.thicket.messenger.messaging.api.MessagingConstants.NO_AUTO_DELETE_TIMER;

import java.util.ArrayList;
import java.util.List;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.ContactManager;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.GroupCommit;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.db.api.TransactionManager;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.messenger.messaging.api.MessagingManager;
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

    private final TransactionManager db;
    private final GroupCommit groupCommit;
    private final ContactManager contacts;
    private final MessagingManager messaging;

    /** @param groupCommit for sending: concurrent requests share a commit (a script sending many messages at once) */
    MessageResource(TransactionManager db, GroupCommit groupCommit, ContactManager contacts,
            MessagingManager messaging) {
        this.db = db;
        this.groupCommit = groupCommit;
        this.contacts = contacts;
        this.messaging = messaging;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/v1/messages/{contactId}", request -> {
            ContactId contactId = request.contactId("contactId");
            return Reply.ok(db.transactionWithResult(true, txn -> conversation(txn, contactId)));
        });
        routes.post("/v1/messages/{contactId}", request -> {
            ContactId contactId = request.contactId("contactId");
            String text = checkedText(request.body(SendRequest.class).text());
            PrivateMessageHeader sent = groupCommit.write(txn -> {
                contacts.getContact(txn, contactId);
                return messaging.sendPrivateMessage(txn, contactId, text, List.of(), NO_AUTO_DELETE_TIMER);
            });
            return Reply.created(MessageJson.of(contactId, sent, text));
        });
        routes.post("/v1/messages/{contactId}/read", request -> {
            ContactId contactId = request.contactId("contactId");
            MessageId messageId = ApiRequest.messageId(request.body(ReadRequest.class).messageId());
            db.transaction(false, txn -> {
                contacts.getContact(txn, contactId);
                messaging.setReadFlag(txn, contactId, messageId, true);
            });
            return Reply.NO_CONTENT;
        });
    }

    private List<MessageJson> conversation(Transaction txn, ContactId contactId) throws DbException {
        contacts.getContact(txn, contactId);
        List<MessageJson> messages = new ArrayList<>();
        for (PrivateMessageHeader header : messaging.getConversation(txn, contactId)) {
            String text = header.hasText() ? messaging.getMessageText(txn, header.id()) : null;
            messages.add(MessageJson.of(contactId, header, text));
        }
        return messages;
    }

    private static String checkedText(String text) throws ApiException {
        if (text == null) throw ApiException.badRequest("\"text\" is required");
        if (text.isEmpty()) throw ApiException.badRequest("\"text\" is empty");
        int bytes = text.getBytes(UTF_8).length;
        if (bytes > MAX_PRIVATE_MESSAGE_TEXT_LENGTH) {
            throw ApiException.badRequest("The text is " + bytes + " UTF-8 bytes, more than "
                    + MAX_PRIVATE_MESSAGE_TEXT_LENGTH);
        }
        return text;
    }
}
