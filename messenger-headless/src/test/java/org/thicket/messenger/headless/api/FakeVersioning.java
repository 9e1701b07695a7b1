package org.thicket.messenger.headless.api;

import com.google.inject.Module;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.sync.api.Visibility;
import org.thicket.bramble.validation.api.ClientMajorVersion;
import org.thicket.bramble.versioning.api.ClientVersioningManager;

/**
 * Client versioning as if every contact had announced every client at minor version 3: without sync sessions no
 * announcement arrives, and the messaging client refuses to send to a contact not known to run it.
 */
final class FakeVersioning implements ClientVersioningManager {

    static Module module() {
        return binder -> binder.bind(ClientVersioningManager.class).toInstance(new FakeVersioning());
    }

    @Override
    public Visibility getClientVisibility(Transaction txn, ContactId contactId, ClientMajorVersion client) {
        return Visibility.SHARED;
    }

    @Override
    public int getClientMinorVersion(Transaction txn, ContactId contactId, ClientMajorVersion client) {
        return 3;
    }
}
