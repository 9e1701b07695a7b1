package org.thicket.bramble.versioning;

import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.thicket.bramble.client.api.ContactGroupFactory;
import org.thicket.bramble.contact.api.Contact;
import org.thicket.bramble.contact.api.ContactHook;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.identity.api.AuthorId;
import org.thicket.bramble.lifecycle.api.OpenDatabaseHook;
import org.thicket.bramble.sync.api.ClientId;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.Visibility;
import org.thicket.bramble.validation.api.ClientMajorVersion;
import org.thicket.bramble.versioning.api.ClientVersion;
import org.thicket.bramble.versioning.api.ClientVersioningHook;
import org.thicket.bramble.versioning.api.ClientVersioningManager;

/**
 * A versioned client for the tests, as a real client would be built: a contact group per contact, created with the
 * visibility versioning gives (also for contacts that existed before the client did, when the database opens), and
 * set to whatever its versioning hook is told. It records every call of the hook.
 */
final class VersionedClient implements ContactHook, OpenDatabaseHook, ClientVersioningHook {

    static final ClientId ID = new ClientId("org.thicket.test.versioned");
    static final ClientMajorVersion CLIENT = new ClientMajorVersion(ID, 0);

    /** One call of the versioning hook. */
    record Call(ContactId contactId, Visibility visibility) {
    }

    private final int minorVersion;
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private DatabaseComponent db;
    private ContactGroupFactory groups;
    private ClientVersioningManager versioning;

    VersionedClient(int minorVersion) {
        this.minorVersion = minorVersion;
    }

    @Inject
    void inject(DatabaseComponent db, ContactGroupFactory groups, ClientVersioningManager versioning) {
        this.db = db;
        this.groups = groups;
        this.versioning = versioning;
    }

    /** The contributions a client's Guice module makes. */
    Module module() {
        return binder -> {
            VersioningModule.clients(binder).addBinding(new ClientVersion(CLIENT, minorVersion)).toInstance(this);
            Multibinder.newSetBinder(binder, ContactHook.class).addBinding().toInstance(this);
            Multibinder.newSetBinder(binder, OpenDatabaseHook.class).addBinding().toInstance(this);
        };
    }

    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    Group contactGroup(AuthorId local, AuthorId remote) {
        return groups.createContactGroup(ID, 0, local, remote);
    }

    @Override
    public void onDatabaseOpened(Transaction txn) throws DbException {
        for (Contact c : db.getContacts(txn)) {
            if (!db.containsGroup(txn, group(c).getId())) addingContact(txn, c);
        }
    }

    @Override
    public void addingContact(Transaction txn, Contact contact) throws DbException {
        Group g = group(contact);
        db.addGroup(txn, g);
        db.setGroupVisibility(txn, contact.id(), g.getId(), versioning.getClientVisibility(txn, contact.id(), CLIENT));
    }

    @Override
    public void removingContact(Transaction txn, Contact contact) throws DbException {
        db.removeGroup(txn, group(contact).getId());
    }

    @Override
    public void onClientVisibilityChanging(Transaction txn, Contact contact, Visibility v) throws DbException {
        calls.add(new Call(contact.id(), v));
        db.setGroupVisibility(txn, contact.id(), group(contact).getId(), v);
    }

    private Group group(Contact contact) {
        return contactGroup(contact.localAuthorId(), contact.author().id());
    }
}
