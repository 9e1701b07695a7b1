package org.thicket.messenger.messaging;

import jakarta.inject.Inject;
import org.thicket.bramble.client.api.ClientHelper;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.data.api.BdfDictionary;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.Metadata;
import org.thicket.bramble.util.FormatException;
import org.thicket.bramble.validation.api.DeliveryAction;
import org.thicket.bramble.validation.api.IncomingMessageHook;
import org.thicket.messenger.messaging.api.AttachmentReceivedEvent;
import org.thicket.messenger.messaging.api.PrivateMessageReceivedEvent;

/**
 * Delivers the contact's valid messages to the conversation. The validator's metadata, already stored, is all the
 * conversation needs (received, unread), so delivery only announces the message. Nothing is shared onwards: a
 * conversation has one contact, who already has the message.
 */
final class IncomingMessages implements IncomingMessageHook {

    private final ClientHelper clientHelper;
    private final MessagingGroups groups;

    @Inject
    IncomingMessages(ClientHelper clientHelper, MessagingGroups groups) {
        this.clientHelper = clientHelper;
        this.groups = groups;
    }

    @Override
    public DeliveryAction incomingMessage(Transaction txn, Message message, Metadata metadata) throws DbException {
        ContactId contactId = groups.contactOf(txn, message.getGroupId());
        try {
            BdfDictionary meta = clientHelper.toDictionary(metadata);
            if (ConversationMetadata.isPrivateMessage(meta)) {
                txn.attach(new PrivateMessageReceivedEvent(contactId,
                        ConversationMetadata.header(message.getId(), meta)));
            } else {
                txn.attach(new AttachmentReceivedEvent(contactId,
                        ConversationMetadata.attachmentHeader(message.getId(), meta)));
            }
        } catch (FormatException e) {
            throw new DbException("Message " + message.getId() + " has malformed metadata", e);
        }
        return DeliveryAction.ACCEPT_DO_NOT_SHARE;
    }
}
