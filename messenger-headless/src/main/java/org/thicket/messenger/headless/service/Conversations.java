package org.thicket.messenger.headless.service;

import static org.thicket.messenger.messaging.api.MessagingConstants.NO_AUTO_DELETE_TIMER;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.ContactManager;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.GroupCommit;
import org.thicket.bramble.db.api.NoSuchMessageException;
import org.thicket.bramble.db.api.TransactionManager;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.messenger.messaging.api.MessagingManager;
import org.thicket.messenger.messaging.api.NotSupportedByContactException;
import org.thicket.messenger.messaging.api.PrivateMessageHeader;
import org.thicket.messenger.node.MessengerNode;

/**
 * The private conversation with a contact: sending text, reading it, marking it read. Every call first checks that
 * the contact exists ({@link org.thicket.bramble.contact.api.NoSuchContactException} if not).
 */
public final class Conversations {

    /** @param text null if the message has none */
    public record Entry(PrivateMessageHeader header, String text) {
    }

    private final TransactionManager db;
    private final GroupCommit groupCommit;
    private final ContactManager contacts;
    private final MessagingManager messaging;

    /** @param groupCommit for sending: concurrent senders share a commit (a script sending many messages at once) */
    public Conversations(TransactionManager db, GroupCommit groupCommit, ContactManager contacts,
            MessagingManager messaging) {
        this.db = db;
        this.groupCommit = groupCommit;
        this.contacts = contacts;
        this.messaging = messaging;
    }

    public static Conversations of(MessengerNode node) {
        return new Conversations(node.get(TransactionManager.class), node.get(GroupCommit.class),
                node.get(ContactManager.class), node.get(MessagingManager.class));
    }

    /**
     * Sends {@code text}, checked by {@link UserInput#messageText}.
     *
     * @throws NotSupportedByContactException if the contact does not run private messaging (yet)
     */
    public PrivateMessageHeader send(ContactId contactId, String text)
            throws DbException, NotSupportedByContactException {
        String checked = UserInput.messageText(text);
        return groupCommit.write(txn -> {
            contacts.getContact(txn, contactId);
            return messaging.sendPrivateMessage(txn, contactId, checked, List.of(), NO_AUTO_DELETE_TIMER);
        });
    }

    /** The conversation, oldest first, with each message's text. */
    public List<Entry> read(ContactId contactId) throws DbException {
        return db.transactionWithResult(true, txn -> {
            contacts.getContact(txn, contactId);
            List<Entry> entries = new ArrayList<>();
            for (PrivateMessageHeader header : messaging.getConversation(txn, contactId)) {
                String text = header.hasText() ? messaging.getMessageText(txn, header.id()) : null;
                entries.add(new Entry(header, text));
            }
            return entries;
        });
    }

    /** Marks these messages of the contact's read, in one transaction. */
    public void markRead(ContactId contactId, Collection<MessageId> messageIds) throws DbException {
        db.transaction(false, txn -> {
            contacts.getContact(txn, contactId);
            for (MessageId id : messageIds) messaging.setReadFlag(txn, contactId, id, true);
        });
    }

    /** The message's text; null if it has none or was deleted since the header was read. */
    public String text(PrivateMessageHeader header) throws DbException {
        if (!header.hasText()) return null;
        try {
            return db.transactionWithResult(true, txn -> messaging.getMessageText(txn, header.id()));
        } catch (NoSuchMessageException gone) {
            return null;
        }
    }
}
