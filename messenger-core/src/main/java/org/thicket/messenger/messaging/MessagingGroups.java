package org.thicket.messenger.messaging;

import static org.thicket.messenger.messaging.api.MessagingConstants.CLIENT_ID;
import static org.thicket.messenger.messaging.api.MessagingConstants.MAJOR_VERSION;

import jakarta.inject.Inject;
import org.thicket.bramble.client.api.ClientHelper;
import org.thicket.bramble.client.api.ContactGroupFactory;
import org.thicket.bramble.contact.api.Contact;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.GroupId;

/** The contact group of each conversation, both ways: from the contact to its group and back. */
final class MessagingGroups {

    private final ContactGroupFactory groupFactory;
    private final ClientHelper clientHelper;
    private final DatabaseComponent db;

    @Inject
    MessagingGroups(ContactGroupFactory groupFactory, ClientHelper clientHelper, DatabaseComponent db) {
        this.groupFactory = groupFactory;
        this.clientHelper = clientHelper;
        this.db = db;
    }

    /** Derived, not looked up: both sides compute the same group from the two author IDs. */
    Group contactGroup(Contact contact) {
        return groupFactory.createContactGroup(CLIENT_ID, MAJOR_VERSION, contact.localAuthorId(),
                contact.author().id());
    }

    /** @throws org.thicket.bramble.contact.api.NoSuchContactException if there is no such contact */
    GroupId contactGroupId(Transaction txn, ContactId contactId) throws DbException {
        return contactGroup(db.getContact(txn, contactId)).getId();
    }

    /** Stores the group with the contact it belongs to, for {@link #contactOf}. */
    void addContactGroup(Transaction txn, Group group, ContactId contactId) throws DbException {
        db.addGroup(txn, group);
        clientHelper.setContactId(txn, group.getId(), contactId);
    }

    /** The contact a stored contact group of this client belongs to. */
    ContactId contactOf(Transaction txn, GroupId groupId) throws DbException {
        return clientHelper.getContactId(txn, groupId);
    }
}
