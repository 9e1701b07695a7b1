package org.thicket.bramble.versioning.api;

import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.sync.api.ClientId;
import org.thicket.bramble.sync.api.Visibility;
import org.thicket.bramble.validation.api.ClientMajorVersion;

/**
 * Tells each contact which clients we run and learns theirs (the bramble versioning client, fact sheet §2.8,
 * specs/clients/versioning.md). Clients are contributed with
 * {@code VersioningModule.clients(binder()).addBinding(clientVersion).to(Hook.class)}.
 */
public interface ClientVersioningManager {

    /** The versioning client itself; it is not listed in its own updates. */
    ClientId CLIENT_ID = new ClientId("org.briarproject.bramble.versioning");

    int MAJOR_VERSION = 0;

    /** How the contact's copy of this client's contact group should be synced, from what both sides run. */
    Visibility getClientVisibility(Transaction txn, ContactId contactId, ClientMajorVersion client)
            throws DbException;

    /**
     * The minor version the contact runs of this client, so a client can write messages an older peer understands;
     * -1 if the contact does not run it.
     */
    int getClientMinorVersion(Transaction txn, ContactId contactId, ClientMajorVersion client) throws DbException;
}
