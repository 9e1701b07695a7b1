package org.thicket.messenger.test;

import com.google.inject.Module;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.sync.api.Visibility;
import org.thicket.bramble.validation.api.ClientMajorVersion;
import org.thicket.bramble.versioning.api.ClientVersioningManager;

/**
 * Client versioning as a test decides it, the same for every contact and client: the client-versioning service is
 * not part of messenger-core's tests, so this stands in for what contacts announce. A contact that runs the client
 * (minor version 0 or more) runs it actively, so contact groups are SHARED. Safe from any thread.
 */
public final class FakeVersioning implements ClientVersioningManager {

    private volatile int minorVersion;

    /** @param minorVersion what every contact runs of every client; -1 for "not at all" */
    public FakeVersioning(int minorVersion) {
        this.minorVersion = minorVersion;
    }

    /** Binds this in place of the real manager. */
    public Module module() {
        return binder -> binder.bind(ClientVersioningManager.class).toInstance(this);
    }

    public void setMinorVersion(int minorVersion) {
        this.minorVersion = minorVersion;
    }

    @Override
    public Visibility getClientVisibility(Transaction txn, ContactId contactId, ClientMajorVersion client) {
        return minorVersion < 0 ? Visibility.INVISIBLE : Visibility.SHARED;
    }

    @Override
    public int getClientMinorVersion(Transaction txn, ContactId contactId, ClientMajorVersion client) {
        return minorVersion;
    }
}
