package org.thicket.messenger.headless.api;

import org.thicket.bramble.contact.api.Contact;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.ContactManager;
import org.thicket.bramble.db.api.TransactionManager;
import org.thicket.bramble.util.Bytes;
import org.thicket.messenger.headless.service.ContactList;

/** GET /v1/contacts and DELETE /v1/contacts/{contactId}. Adding contacts is key agreement's resource. */
final class ContactResource implements ApiResource {

    /**
     * @param authorId 64 hex digits
     * @param alias our own name for the contact, or null
     * @param connected whether a transport connection to the contact is open now
     */
    record ContactJson(int contactId, String authorId, String name, String alias, boolean verified,
            boolean connected, int unreadCount) {

        static ContactJson of(ContactList.Entry entry) {
            Contact c = entry.contact();
            return new ContactJson(c.id().value(), Bytes.toHex(c.author().id().getBytes()), c.author().name(),
                    c.alias(), c.verified(), entry.connected(), entry.unreadCount());
        }
    }

    private final TransactionManager db;
    private final ContactManager contacts;
    private final ContactList contactList;

    ContactResource(TransactionManager db, ContactManager contacts, ContactList contactList) {
        this.db = db;
        this.contacts = contacts;
        this.contactList = contactList;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/v1/contacts", request -> Reply.ok(contactList.list().stream().map(ContactJson::of).toList()));
        routes.delete("/v1/contacts/{contactId}", request -> {
            ContactId contactId = request.contactId("contactId");
            db.transaction(false, txn -> contacts.removeContact(txn, contactId));
            return Reply.NO_CONTENT;
        });
    }
}
