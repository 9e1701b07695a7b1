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
     * -1 if the contact does not run it, or has not told us yet ({@link #hasHeardFrom} tells the two apart).
     */
    int getClientMinorVersion(Transaction txn, ContactId contactId, ClientMajorVersion client) throws DbException;

    /**
     * Whether the contact's list of clients has arrived. A new contact's arrives with the first sync, so a client
     * can keep what the user writes until then instead of refusing it.
     */
    boolean hasHeardFrom(Transaction txn, ContactId contactId) throws DbException;
}
