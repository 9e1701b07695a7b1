package org.thicket.bramble.identity.api;

import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;

/** Creates the account's identity and serves it, cached, once the database is open. */
public interface IdentityManager {

    /** Generates a new identity (signature and handshake key pairs); nothing is stored. */
    Identity createIdentity(String nickname);

    /** Remembers a new identity, to be stored when the database next opens. Call before starting the lifecycle. */
    void registerIdentity(Identity identity);

    /** Our identity; loaded from the database on first use, then cached. */
    Identity getIdentity(Transaction txn) throws DbException;
}
