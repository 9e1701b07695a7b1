package org.thicket.bramble.rendezvous;

import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.util.Collection;
import org.thicket.bramble.contact.api.Contact;
import org.thicket.bramble.contact.api.PendingContact;
import org.thicket.bramble.contact.api.PendingContactId;
import org.thicket.bramble.crypto.api.CryptoComponent;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.identity.api.Author;
import org.thicket.bramble.identity.api.Identity;
import org.thicket.bramble.identity.api.IdentityManager;
import org.thicket.bramble.rendezvous.api.HandshakeLinks;
import org.thicket.bramble.rendezvous.api.InvalidLinkException;
import org.thicket.bramble.rendezvous.api.InvalidLinkException.Reason;
import org.thicket.bramble.rendezvous.api.PendingContactAddedEvent;
import org.thicket.bramble.rendezvous.api.PendingContactManager;
import org.thicket.bramble.rendezvous.api.PendingContactRemovedEvent;
import org.thicket.bramble.rendezvous.api.PendingContactStatus;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.transport.api.KeyManager;

/** Pending contacts over the database and the key manager; their states come from the rendezvous poller. */
final class PendingContactManagerImpl implements PendingContactManager {

    private final DatabaseComponent db;
    private final IdentityManager identityManager;
    private final KeyManager keyManager;
    private final CryptoComponent crypto;
    private final RendezvousPoller poller;
    private final Clock clock;

    @Inject
    PendingContactManagerImpl(DatabaseComponent db, IdentityManager identityManager, KeyManager keyManager,
            CryptoComponent crypto, RendezvousPoller poller, Clock clock) {
        this.db = db;
        this.identityManager = identityManager;
        this.keyManager = keyManager;
        this.crypto = crypto;
        this.poller = poller;
        this.clock = clock;
    }

    @Override
    public String getHandshakeLink() throws DbException {
        Identity identity = db.transactionWithResult(true, identityManager::getIdentity);
        return HandshakeLinks.encode(identity.handshakeKeyPair().publicKey());
    }

    @Override
    public PendingContact addPendingContact(String link, String alias) throws DbException, InvalidLinkException {
        Author.validateName(alias);
        PublicKey theirKey = HandshakeLinks.parse(link);
        PendingContact pending = new PendingContact(
                new PendingContactId(crypto.hash(PendingContactId.LABEL, theirKey.getEncoded())), theirKey, alias,
                clock.currentTimeMillis());
        return db.transactionWithResult(false, txn -> {
            Identity identity = identityManager.getIdentity(txn);
            checkNew(txn, identity, pending);
            db.addPendingContact(txn, pending);
            try {
                keyManager.addHandshakeKeys(txn, pending.id(), theirKey, identity.handshakeKeyPair());
            } catch (GeneralSecurityException e) {
                throw new InvalidLinkException(Reason.INVALID_KEY, "The link's key is not usable: " + e.getMessage());
            }
            txn.attach(new PendingContactAddedEvent(pending));
            return pending;
        });
    }

    private void checkNew(Transaction txn, Identity identity, PendingContact pending)
            throws DbException, InvalidLinkException {
        PublicKey key = pending.publicKey();
        if (key.equals(identity.handshakeKeyPair().publicKey())) {
            throw new InvalidLinkException(Reason.OWN_LINK, "This is our own link");
        }
        for (PendingContact p : db.getPendingContacts(txn)) {
            if (p.id().equals(pending.id())) {
                throw new InvalidLinkException(Reason.ALREADY_PENDING, "This link was already added as " + p.alias());
            }
        }
        for (Contact c : db.getContacts(txn)) {
            if (key.equals(c.handshakePublicKey())) {
                throw new InvalidLinkException(Reason.ALREADY_CONTACT, "The link's owner is already a contact");
            }
        }
    }

    @Override
    public Collection<PendingContactStatus> getPendingContacts() throws DbException {
        Collection<PendingContact> pending = db.transactionWithResult(true, db::getPendingContacts);
        return pending.stream().map(p -> new PendingContactStatus(p, poller.getState(p))).toList();
    }

    @Override
    public void removePendingContact(PendingContactId p) throws DbException {
        db.transaction(false, txn -> {
            db.removePendingContact(txn, p);
            txn.attach(new PendingContactRemovedEvent(p));
        });
    }
}
