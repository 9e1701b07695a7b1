package org.thicket.messenger.messaging.api;

import java.util.List;
import java.util.Optional;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.sync.api.MessageId;

/**
 * One-to-one conversations with contacts (specs/clients/messaging.md): sending private messages and attachments,
 * reading the conversation, read and delivered states. Every method runs in the caller's transaction; what it
 * announces ({@link PrivateMessageReceivedEvent}, {@link AttachmentReceivedEvent},
 * {@link PrivateMessageDeliveredEvent}) is broadcast after the transaction that stored it commits.
 */
public interface MessagingManager {

    /**
     * Stores and shares a private message of ours in the contact's conversation; sync sends it once the contact
     * group is shared with the contact. A contact that runs a minor version below
     * {@link MessagingConstants#AUTO_DELETE_MINOR_VERSION} cannot read a timer, so it is left out of the message.
     *
     * @param text the text, or null for none; at most 30,720 UTF-8 bytes
     * @param attachments headers returned by {@link #addAttachment} for this contact, in display order (at most 10)
     * @param autoDeleteTimer 1 minute to 365 days in ms, or {@link MessagingConstants#NO_AUTO_DELETE_TIMER}
     * @return the stored message as {@link #getConversation} lists it: local, read, not delivered
     * @throws IllegalArgumentException if the text, the attachments or the timer break the limits, or the message
     *     has neither text nor attachments
     * @throws NotSupportedByContactException if the contact told us it does not run the messaging client (before
     *     it has told us anything the message is kept, without a timer, and shared once it announces the client)
     * @throws org.thicket.bramble.contact.api.NoSuchContactException if there is no such contact
     */
    PrivateMessageHeader sendPrivateMessage(Transaction txn, ContactId contactId, String text,
            List<AttachmentHeader> attachments, long autoDeleteTimer)
            throws DbException, NotSupportedByContactException;

    /**
     * Stores and shares an attachment message of ours (an image compressed to fit) for a private message to the
     * contact that references it by the returned header. It is sent like a message and may arrive before or after
     * the private message.
     *
     * @throws IllegalArgumentException if the content type is not 1 to 80 UTF-8 bytes or the data is over 32,668
     *     bytes
     * @throws org.thicket.bramble.contact.api.NoSuchContactException if there is no such contact
     */
    AttachmentHeader addAttachment(Transaction txn, ContactId contactId, String contentType, byte[] data)
            throws DbException;

    /**
     * The private messages of the conversation, ours and the contact's that were delivered, oldest first: ordered
     * by timestamp, then by message ID (unsigned bytes) so that the order is the same every time.
     */
    List<PrivateMessageHeader> getConversation(Transaction txn, ContactId contactId) throws DbException;

    /**
     * The text of a delivered private message, or null if it has none.
     *
     * @throws org.thicket.bramble.db.api.NoSuchMessageException if it is not a delivered message of this client
     * @throws IllegalArgumentException if it is an attachment message
     */
    String getMessageText(Transaction txn, MessageId messageId) throws DbException;

    /**
     * The attachment a private message of the conversation references; empty while it has not arrived, and also
     * for a header that does not name a delivered attachment of this conversation with this content type (a
     * contact's header names whatever the contact chose).
     */
    Optional<Attachment> getAttachment(Transaction txn, ContactId contactId, AttachmentHeader header)
            throws DbException;

    /**
     * Marks one of the contact's private messages read or unread.
     *
     * @throws org.thicket.bramble.db.api.NoSuchMessageException if it is not a delivered message of this client
     * @throws IllegalArgumentException if it is not a private message the contact sent in this conversation
     */
    void setReadFlag(Transaction txn, ContactId contactId, MessageId messageId, boolean read) throws DbException;

    /** How many of the contact's private messages are unread. */
    int getUnreadCount(Transaction txn, ContactId contactId) throws DbException;
}
