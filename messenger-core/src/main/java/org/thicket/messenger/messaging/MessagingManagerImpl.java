package org.thicket.messenger.messaging;

import static org.thicket.messenger.messaging.api.MessagingConstants.AUTO_DELETE_MINOR_VERSION;
import static org.thicket.messenger.messaging.api.MessagingConstants.CLIENT;
import static org.thicket.messenger.messaging.api.MessagingConstants.CLIENT_ID;
import static org.thicket.messenger.messaging.api.MessagingConstants.MAJOR_VERSION;
import static org.thicket.messenger.messaging.api.MessagingConstants.MSG_KEY_DELIVERED;
import static org.thicket.messenger.messaging.api.MessagingConstants.MSG_KEY_LOCAL;
import static org.thicket.messenger.messaging.api.MessagingConstants.MSG_KEY_MSG_TYPE;
import static org.thicket.messenger.messaging.api.MessagingConstants.MSG_KEY_READ;
import static org.thicket.messenger.messaging.api.MessagingConstants.NO_AUTO_DELETE_TIMER;
import static org.thicket.messenger.messaging.api.MessagingConstants.PRIVATE_MESSAGE;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.thicket.bramble.client.api.ClientHelper;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.data.api.BdfDictionary;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.NoSuchMessageException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.GroupId;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageFactory;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.util.FormatException;
import org.thicket.bramble.versioning.api.ClientVersioningManager;
import org.thicket.messenger.messaging.api.Attachment;
import org.thicket.messenger.messaging.api.AttachmentHeader;
import org.thicket.messenger.messaging.api.MessagingBody;
import org.thicket.messenger.messaging.api.MessagingManager;
import org.thicket.messenger.messaging.api.NotSupportedByContactException;
import org.thicket.messenger.messaging.api.PrivateMessage;
import org.thicket.messenger.messaging.api.PrivateMessageFactory;
import org.thicket.messenger.messaging.api.PrivateMessageHeader;
import org.thicket.messenger.messaging.api.PrivateMessageValidator;

/**
 * Conversations over the database: our messages are stored delivered and shared, so sync sends them; the contact's
 * arrive through the validator and {@link IncomingMessages}. The state of a conversation is the metadata of its
 * messages; this class keeps nothing in memory.
 */
final class MessagingManagerImpl implements MessagingManager {

    private static final Comparator<PrivateMessageHeader> OLDEST_FIRST =
            Comparator.comparingLong(PrivateMessageHeader::timestamp).thenComparing(PrivateMessageHeader::id);

    private final DatabaseComponent db;
    private final ClientHelper clientHelper;
    private final MessageFactory messageFactory;
    private final PrivateMessageFactory bodyFactory;
    private final PrivateMessageValidator validator;
    private final ClientVersioningManager versioning;
    private final MessagingGroups groups;
    private final Clock clock;

    @Inject
    MessagingManagerImpl(DatabaseComponent db, ClientHelper clientHelper, MessageFactory messageFactory,
            PrivateMessageFactory bodyFactory, PrivateMessageValidator validator, ClientVersioningManager versioning,
            MessagingGroups groups, Clock clock) {
        this.db = db;
        this.clientHelper = clientHelper;
        this.messageFactory = messageFactory;
        this.bodyFactory = bodyFactory;
        this.validator = validator;
        this.versioning = versioning;
        this.groups = groups;
        this.clock = clock;
    }

    @Override
    public PrivateMessageHeader sendPrivateMessage(Transaction txn, ContactId contactId, String text,
            List<AttachmentHeader> attachments, long autoDeleteTimer)
            throws DbException, NotSupportedByContactException {
        PrivateMessage message = new PrivateMessage(text, attachments, autoDeleteTimer);
        int minorVersion = versioning.getClientMinorVersion(txn, contactId, CLIENT);
        // Until a new contact's list of clients arrives the message waits, unshared, in the conversation; it is
        // written for the oldest version (no timer) because we cannot know which the contact will announce.
        if (minorVersion < 0 && versioning.hasHeardFrom(txn, contactId)) {
            throw new NotSupportedByContactException(contactId);
        }
        if (minorVersion < AUTO_DELETE_MINOR_VERSION && message.hasAutoDeleteTimer()) {
            message = new PrivateMessage(text, attachments, NO_AUTO_DELETE_TIMER);
        }
        BdfDictionary extra = new BdfDictionary().with(MSG_KEY_READ, true).with(MSG_KEY_DELIVERED, false);
        StoredMessage stored = storeOurs(txn, contactId, bodyFactory.createPrivateMessageBody(message), extra);
        return parseStored(() -> ConversationMetadata.header(stored.id(), stored.metadata()));
    }

    @Override
    public AttachmentHeader addAttachment(Transaction txn, ContactId contactId, String contentType, byte[] data)
            throws DbException {
        Attachment attachment = new Attachment(contentType, data);
        StoredMessage stored = storeOurs(txn, contactId, bodyFactory.createAttachmentBody(attachment),
                new BdfDictionary());
        return new AttachmentHeader(stored.id(), contentType);
    }

    /** Our message with its metadata as stored. */
    private record StoredMessage(MessageId id, BdfDictionary metadata) {
    }

    /**
     * Stores our message with the metadata our validator gives a received one (one definition of what is stored,
     * and a check that we never send what we would reject), marked local, plus {@code extra}.
     */
    private StoredMessage storeOurs(Transaction txn, ContactId contactId, byte[] body, BdfDictionary extra)
            throws DbException {
        GroupId group = groups.contactGroupId(txn, contactId);
        long timestamp = clock.currentTimeMillis();
        Message message = messageFactory.createMessage(group, timestamp, body);
        BdfDictionary metadata;
        try {
            metadata = validator.validate(timestamp, body).metadata();
        } catch (FormatException e) {
            throw new IllegalStateException("We wrote a body our own validator rejects", e);
        }
        metadata.put(MSG_KEY_LOCAL, true);
        metadata.putAll(extra);
        clientHelper.addLocalMessage(txn, message, metadata, true, false);
        return new StoredMessage(message.getId(), metadata);
    }

    @Override
    public List<PrivateMessageHeader> getConversation(Transaction txn, ContactId contactId) throws DbException {
        GroupId group = groups.contactGroupId(txn, contactId);
        return parseStored(() -> {
            List<PrivateMessageHeader> headers = new ArrayList<>();
            for (Map.Entry<MessageId, BdfDictionary> e :
                    clientHelper.getMessageMetadataAsDictionary(txn, group).entrySet()) {
                if (ConversationMetadata.isPrivateMessage(e.getValue())) {
                    headers.add(ConversationMetadata.header(e.getKey(), e.getValue()));
                }
            }
            headers.sort(OLDEST_FIRST);
            return headers;
        });
    }

    @Override
    public String getMessageText(Transaction txn, MessageId messageId) throws DbException {
        Message message = readDelivered(txn, messageId);
        Group group = db.getGroup(txn, message.getGroupId());
        if (!group.getClientId().equals(CLIENT_ID) || group.getMajorVersion() != MAJOR_VERSION) {
            throw new NoSuchMessageException("Message " + messageId + " belongs to another client");
        }
        MessagingBody body = parseStored(() -> validator.parse(message.getBody()));
        if (!(body instanceof PrivateMessage privateMessage)) {
            throw new IllegalArgumentException("Message " + messageId + " is an attachment, not a private message");
        }
        return privateMessage.text();
    }

    @Override
    public Optional<Attachment> getAttachment(Transaction txn, ContactId contactId, AttachmentHeader header)
            throws DbException {
        GroupId group = groups.contactGroupId(txn, contactId);
        Message message = readIfDelivered(txn, header.messageId());
        if (message == null || !message.getGroupId().equals(group)) return Optional.empty();
        MessagingBody body = parseStored(() -> validator.parse(message.getBody()));
        if (body instanceof Attachment attachment && attachment.getContentType().equals(header.contentType())) {
            return Optional.of(attachment);
        }
        return Optional.empty();
    }

    @Override
    public void setReadFlag(Transaction txn, ContactId contactId, MessageId messageId, boolean read)
            throws DbException {
        Message message = readDelivered(txn, messageId);
        BdfDictionary meta = parseStored(() -> clientHelper.getMessageMetadataAsDictionary(txn, messageId));
        boolean inConversation = message.getGroupId().equals(groups.contactGroupId(txn, contactId));
        if (!inConversation || !parseStored(() -> isTheirPrivateMessage(meta))) {
            throw new IllegalArgumentException("Message " + messageId + " is not a private message from contact "
                    + contactId.value());
        }
        clientHelper.mergeMessageMetadata(txn, messageId, new BdfDictionary().with(MSG_KEY_READ, read));
    }

    private static boolean isTheirPrivateMessage(BdfDictionary meta) throws FormatException {
        return !meta.getBoolean(MSG_KEY_LOCAL) && ConversationMetadata.isPrivateMessage(meta);
    }

    @Override
    public int getUnreadCount(Transaction txn, ContactId contactId) throws DbException {
        BdfDictionary unread = new BdfDictionary()
                .with(MSG_KEY_MSG_TYPE, PRIVATE_MESSAGE)
                .with(MSG_KEY_LOCAL, false)
                .with(MSG_KEY_READ, false);
        return db.getMessageIds(txn, groups.contactGroupId(txn, contactId), clientHelper.toMetadata(unread)).size();
    }

    /** @throws NoSuchMessageException unless {@link #readIfDelivered} finds the message */
    private Message readDelivered(Transaction txn, MessageId id) throws DbException {
        Message message = readIfDelivered(txn, id);
        if (message == null) throw new NoSuchMessageException("Message " + id + " is not a delivered message");
        return message;
    }

    /**
     * A delivered message with its content, or null if it is not stored, not delivered, or its content is gone.
     * Messages in other states may be invalid, so they are never read. The caller checks which group (and so which
     * client) the message belongs to: a contact's attachment header may name any message.
     */
    private Message readIfDelivered(Transaction txn, MessageId id) throws DbException {
        byte[] raw;
        try {
            if (db.getMessageState(txn, id) != MessageState.DELIVERED) return null;
            raw = db.getMessage(txn, id);
        } catch (NoSuchMessageException e) {
            return null;
        }
        return raw == null ? null : parseStored(() -> messageFactory.createMessage(raw));
    }

    @FunctionalInterface
    private interface Parse<T> {
        T run() throws DbException, FormatException;
    }

    /** What we stored was checked when it was stored: a format error reading it back means damaged storage. */
    private static <T> T parseStored(Parse<T> parse) throws DbException {
        try {
            return parse.run();
        } catch (FormatException e) {
            throw new DbException("Stored messaging data is malformed", e);
        }
    }
}
