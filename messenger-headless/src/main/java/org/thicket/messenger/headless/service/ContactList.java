package org.thicket.messenger.headless.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.thicket.bramble.connection.api.ConnectionRegistry;
import org.thicket.bramble.contact.api.Contact;
import org.thicket.bramble.contact.api.ContactManager;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.TransactionManager;
import org.thicket.messenger.messaging.api.MessagingManager;
import org.thicket.messenger.node.MessengerNode;

/** Our contacts as a user sees them: who, whether connected now, how many unread messages. */
public final class ContactList {

    /** @param connected whether a transport connection to the contact is open now */
    public record Entry(Contact contact, boolean connected, int unreadCount) {
    }

    private final TransactionManager db;
    private final ContactManager contacts;
    private final MessagingManager messaging;
    private final ConnectionRegistry connections;

    public ContactList(TransactionManager db, ContactManager contacts, MessagingManager messaging,
            ConnectionRegistry connections) {
        this.db = db;
        this.contacts = contacts;
        this.messaging = messaging;
        this.connections = connections;
    }

    public static ContactList of(MessengerNode node) {
        return new ContactList(node.get(TransactionManager.class), node.get(ContactManager.class),
                node.get(MessagingManager.class), node.get(ConnectionRegistry.class));
    }

    /** In the order of their IDs, the order they were added in. */
    public List<Entry> list() throws DbException {
        return db.transactionWithResult(true, txn -> {
            List<Contact> all = contacts.getContacts(txn).stream()
                    .sorted(Comparator.comparingInt(c -> c.id().value())).toList();
            List<Entry> list = new ArrayList<>(all.size());
            for (Contact c : all) {
                list.add(new Entry(c, connections.isConnected(c.id()), messaging.getUnreadCount(txn, c.id())));
            }
            return list;
        });
    }
}
