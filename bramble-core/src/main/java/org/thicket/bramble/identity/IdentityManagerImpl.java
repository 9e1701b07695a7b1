package org.thicket.bramble.identity;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import org.thicket.bramble.crypto.api.CryptoComponent;
import org.thicket.bramble.crypto.api.KeyPair;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.identity.api.Author;
import org.thicket.bramble.identity.api.AuthorFactory;
import org.thicket.bramble.identity.api.Identity;
import org.thicket.bramble.identity.api.IdentityManager;
import org.thicket.bramble.identity.api.LocalAuthor;
import org.thicket.bramble.lifecycle.api.OpenDatabaseHook;
import org.thicket.bramble.system.api.Clock;

/**
 * Creates the identity before the database exists (account creation) and stores it when the database first opens.
 * The account has exactly one identity; it never changes, so it is cached once read.
 */
@Singleton
final class IdentityManagerImpl implements IdentityManager, OpenDatabaseHook {

    private final DatabaseComponent db;
    private final CryptoComponent crypto;
    private final AuthorFactory authorFactory;
    private final Clock clock;

    private volatile Identity registered;
    private volatile Identity cached;

    @Inject
    IdentityManagerImpl(DatabaseComponent db, CryptoComponent crypto, AuthorFactory authorFactory, Clock clock) {
        this.db = db;
        this.crypto = crypto;
        this.authorFactory = authorFactory;
        this.clock = clock;
    }

    @Override
    public Identity createIdentity(String nickname) {
        Author.validateName(nickname);
        KeyPair signature = crypto.generateSignatureKeyPair();
        KeyPair handshake = crypto.generateAgreementKeyPair();
        Author author = authorFactory.createAuthor(nickname, signature.publicKey());
        return new Identity(new LocalAuthor(author, signature.privateKey()), handshake, clock.currentTimeMillis());
    }

    @Override
    public void registerIdentity(Identity identity) {
        registered = identity;
    }

    /** Idempotent, as hooks must be: the registered identity is added only if it is not there yet. */
    @Override
    public void onDatabaseOpened(Transaction txn) throws DbException {
        Identity identity = registered;
        if (identity == null || db.containsIdentity(txn, identity.id())) return;
        db.addIdentity(txn, identity);
    }

    @Override
    public Identity getIdentity(Transaction txn) throws DbException {
        Identity identity = cached;
        if (identity != null) return identity;
        Collection<Identity> stored = db.getIdentities(txn);
        if (stored.size() != 1) throw new DbException("Expected one identity in the database, found " + stored.size());
        identity = stored.iterator().next();
        cached = identity;
        return identity;
    }
}
