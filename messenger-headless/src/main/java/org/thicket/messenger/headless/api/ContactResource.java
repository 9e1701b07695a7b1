package org.thicket.messenger.headless.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.thicket.bramble.connection.api.ConnectionRegistry;
import org.thicket.bramble.contact.api.Contact;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.ContactManager;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.db.api.TransactionManager;
import org.thicket.bramble.util.Bytes;
import org.thicket.messenger.messaging.api.MessagingManager;

/** GET /v1/contacts and DELETE /v1/contacts/{contactId}. Adding contacts is key agreement's resource. */
final class ContactResource implements ApiResource {

    /**
     * @param authorId 64 hex digits
     * @param alias our own name for the contact, or null
     * @param connected whether a transport connection to the contact is open now
     */
    record ContactJson(int contactId, String authorId, String name, String alias, boolean verified,
            boolean connected, int unreadCount) {
    }

    private final TransactionManager db;
    private final ContactManager contacts;
    private final MessagingManager messaging;
    private final ConnectionRegistry connections;

    ContactResource(TransactionManager db, ContactManager contacts, MessagingManager messaging,
            ConnectionRegistry connections) {
        this.db = db;
        this.contacts = contacts;
        this.messaging = messaging;
        this.connections = connections;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/v1/contacts", request -> Reply.ok(db.transactionWithResult(true, this::list)));
        routes.delete("/v1/contacts/{contactId}", request -> {
            ContactId contactId = request.contactId("contactId");
            db.transaction(false, txn -> contacts.removeContact(txn, contactId));
            return Reply.NO_CONTENT;
        });
    }

    private List<ContactJson> list(Transaction txn) throws DbException {
        List<Contact> all = contacts.getContacts(txn).stream()
                .sorted(Comparator.comparingInt(c -> c.id().value())).toList();
        List<ContactJson> list = new ArrayList<>(all.size());
        for (Contact c : all) {
            list.add(new ContactJson(c.id().value(), Bytes.toHex(c.author().id().getBytes()), c.author().name(),
                    c.alias(), c.verified(), connections.isConnected(c.id()), messaging.getUnreadCount(txn, c.id())));
        }
        return list;
    }
}
