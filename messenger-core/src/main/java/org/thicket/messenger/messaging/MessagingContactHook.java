package org.thicket.messenger.messaging;

import static org.thicket.messenger.messaging.api.MessagingConstants.CLIENT;

import jakarta.inject.Inject;
import org.thicket.bramble.contact.api.Contact;
import org.thicket.bramble.contact.api.ContactHook;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.lifecycle.api.OpenDatabaseHook;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.Visibility;
import org.thicket.bramble.versioning.api.ClientVersioningHook;
import org.thicket.bramble.versioning.api.ClientVersioningManager;

/**
 * Keeps one contact group per contact: created with the contact, removed with it, and synced as client versioning
 * decides from what the contact runs (INVISIBLE until the contact announces the client).
 */
final class MessagingContactHook implements ContactHook, ClientVersioningHook, OpenDatabaseHook {

    private final DatabaseComponent db;
    private final MessagingGroups groups;
    private final ClientVersioningManager versioning;

    @Inject
    MessagingContactHook(DatabaseComponent db, MessagingGroups groups, ClientVersioningManager versioning) {
        this.db = db;
        this.groups = groups;
        this.versioning = versioning;
    }

    @Override
    public void addingContact(Transaction txn, Contact contact) throws DbException {
        Group group = groups.contactGroup(contact);
        groups.addContactGroup(txn, group, contact.id());
        Visibility visibility = versioning.getClientVisibility(txn, contact.id(), CLIENT);
        db.setGroupVisibility(txn, contact.id(), group.getId(), visibility);
    }

    @Override
    public void removingContact(Transaction txn, Contact contact) throws DbException {
        db.removeGroup(txn, groups.contactGroup(contact).getId());
    }

    @Override
    public void onClientVisibilityChanging(Transaction txn, Contact contact, Visibility v) throws DbException {
        db.setGroupVisibility(txn, contact.id(), groups.contactGroup(contact).getId(), v);
    }

    /** Contacts added while this client was not installed (an account from an older version) get their group now. */
    @Override
    public void onDatabaseOpened(Transaction txn) throws DbException {
        for (Contact contact : db.getContacts(txn)) {
            if (!db.containsGroup(txn, groups.contactGroup(contact).getId())) addingContact(txn, contact);
        }
    }
}
