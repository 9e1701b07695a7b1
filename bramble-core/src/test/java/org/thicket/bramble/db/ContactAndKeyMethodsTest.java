package org.thicket.bramble.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thicket.bramble.db.TestData.database;
import static org.thicket.bramble.db.TestData.identity;
import static org.thicket.bramble.db.TestData.randomBytes;
import static org.thicket.bramble.db.TestData.randomKey;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.contact.api.Contact;
import org.thicket.bramble.contact.api.ContactExistsException;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.NoSuchContactException;
import org.thicket.bramble.contact.api.PendingContact;
import org.thicket.bramble.contact.api.PendingContactId;
import org.thicket.bramble.crypto.api.KeyType;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.MigrationListener;
import org.thicket.bramble.db.api.NoSuchIdentityException;
import org.thicket.bramble.identity.api.Author;
import org.thicket.bramble.identity.api.AuthorId;
import org.thicket.bramble.identity.api.Identity;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.test.CapturingEventBus;
import org.thicket.bramble.transport.api.IncomingKeys;
import org.thicket.bramble.transport.api.KeySetId;
import org.thicket.bramble.transport.api.OutgoingKeys;
import org.thicket.bramble.transport.api.TransportKeySet;
import org.thicket.bramble.transport.api.TransportKeys;

/** The contact, transport and transport-key methods on a real database. */
class ContactAndKeyMethodsTest {

    private static final TransportId TOR = new TransportId("org.briarproject.bramble.tor");
    private static final TransportId LAN = new TransportId("org.briarproject.bramble.lan");

    @TempDir
    Path dir;

    private final CapturingEventBus bus = new CapturingEventBus();
    private DatabaseComponentImpl db;
    private Identity local;

    @BeforeEach
    void open() throws DbException {
        db = database(dir, bus);
        db.open(randomKey(), MigrationListener.NONE);
        local = identity("Me");
        db.transaction(false, txn -> {
            db.addIdentity(txn, local);
            db.addTransport(txn, TOR, 30_000);
            db.addTransport(txn, LAN, 30_000);
        });
    }

    @AfterEach
    void close() throws DbException {
        db.close();
    }

    private static Author author(String name) {
        return new Author(new AuthorId(randomBytes(32)), Author.FORMAT_VERSION, name,
                new PublicKey(KeyType.SIGNATURE, randomBytes(32)));
    }

    private Collection<TransportKeySet> keySets(TransportId t) throws DbException {
        return db.transactionWithResult(true, txn -> db.getTransportKeys(txn, t));
    }

    private ContactId addContact(Author remote) throws DbException {
        return db.transactionWithResult(false, txn -> db.addContact(txn, remote, local.id(), null, false));
    }

    @Test
    void contactsRoundTripAndChange() throws DbException {
        Author bob = author("Bob");
        PublicKey handshake = new PublicKey(KeyType.AGREEMENT, randomBytes(32));
        ContactId b = db.transactionWithResult(false, txn -> db.addContact(txn, bob, local.id(), handshake, true));
        ContactId c = addContact(author("Carol"));

        db.transaction(true, txn -> {
            assertThat(db.getContact(txn, b)).isEqualTo(new Contact(b, bob, local.id(), null, handshake, true));
            assertThat(db.getContacts(txn)).extracting(Contact::id).containsExactly(b, c);
            assertThat(db.containsContact(txn, b)).isTrue();
            assertThat(db.containsContact(txn, bob.id(), local.id())).isTrue();
            assertThat(db.getContact(txn, c).handshakePublicKey()).isNull();
        });
        db.transaction(false, txn -> {
            db.setContactAlias(txn, b, "Bobby");
            db.setContactVerified(txn, c, true);
        });
        db.transaction(true, txn -> {
            assertThat(db.getContact(txn, b).alias()).isEqualTo("Bobby");
            assertThat(db.getContact(txn, c).verified()).isTrue();
        });
        db.transaction(false, txn -> db.setContactAlias(txn, b, null));
        db.transaction(true, txn -> assertThat(db.getContact(txn, b).alias()).isNull());
    }

    @Test
    void anAuthorIsAContactOfAnIdentityOnce() throws DbException {
        Author bob = author("Bob");
        addContact(bob);
        assertThatThrownBy(() -> addContact(bob)).isInstanceOf(ContactExistsException.class);
        Identity other = identity("Other me");
        db.transaction(false, txn -> db.addIdentity(txn, other));
        ContactId second = db.transactionWithResult(false, txn -> db.addContact(txn, bob, other.id(), null, false));
        assertThat(second).isNotNull();
    }

    @Test
    void aContactNeedsItsIdentity() {
        assertThatThrownBy(() -> db.transaction(false, txn ->
                db.addContact(txn, author("Bob"), new AuthorId(randomBytes(32)), null, false)))
                .isInstanceOf(NoSuchIdentityException.class);
    }

    @Test
    void missingContactsAreReported() throws DbException {
        ContactId b = addContact(author("Bob"));
        db.transaction(false, txn -> db.removeContact(txn, b));
        db.transaction(true, txn -> {
            assertThat(db.containsContact(txn, b)).isFalse();
            assertThatThrownBy(() -> db.getContact(txn, b)).isInstanceOf(NoSuchContactException.class);
        });
        for (DbCall call : new DbCall[] {
                () -> db.transaction(false, txn -> db.removeContact(txn, b)),
                () -> db.transaction(false, txn -> db.setContactAlias(txn, b, "x")),
                () -> db.transaction(false, txn -> db.setContactVerified(txn, b, true)),
                () -> db.transaction(false, txn -> db.addTransportKeys(txn, b, keys(TOR, 100)))}) {
            assertThatThrownBy(call::run).isInstanceOf(NoSuchContactException.class);
        }
    }

    @FunctionalInterface
    private interface DbCall {
        void run() throws DbException;
    }

    @Test
    void transportsStoreTheirLatencyAndCanBeUpdated() throws DbException {
        db.transaction(false, txn -> db.addTransport(txn, LAN, 60_000));
        Map<TransportId, Long> transports = db.transactionWithResult(true, db::getTransports);
        assertThat(transports).containsOnly(Map.entry(TOR, 30_000L), Map.entry(LAN, 60_000L));
    }

    /** Random keys for the given period, with some state in the windows and counter to see it round-trip. */
    private static TransportKeys keys(TransportId t, long period) {
        return new TransportKeys(t, new IncomingKeys(randomKey(), randomKey(), period - 1, 5, 0x8000_0001),
                new IncomingKeys(randomKey(), randomKey(), period, 0, 0),
                new IncomingKeys(randomKey(), randomKey(), period + 1, 100, -1),
                new OutgoingKeys(randomKey(), randomKey(), period, 17, false));
    }

    private static void assertSameKeys(TransportKeys actual, TransportKeys expected) {
        assertThat(actual.transportId()).isEqualTo(expected.transportId());
        for (long p = expected.timePeriod() - 1; p <= expected.timePeriod() + 1; p++) {
            IncomingKeys a = actual.incomingKeys(p);
            IncomingKeys e = expected.incomingKeys(p);
            assertThat(a.tagKey().getBytes()).isEqualTo(e.tagKey().getBytes());
            assertThat(a.headerKey().getBytes()).isEqualTo(e.headerKey().getBytes());
            assertThat(a.windowBase()).isEqualTo(e.windowBase());
            assertThat(a.windowBitmap()).isEqualTo(e.windowBitmap());
        }
        OutgoingKeys a = actual.currentOutgoing();
        OutgoingKeys e = expected.currentOutgoing();
        assertThat(a.tagKey().getBytes()).isEqualTo(e.tagKey().getBytes());
        assertThat(a.headerKey().getBytes()).isEqualTo(e.headerKey().getBytes());
        assertThat(a.timePeriod()).isEqualTo(e.timePeriod());
        assertThat(a.streamCounter()).isEqualTo(e.streamCounter());
        assertThat(a.active()).isEqualTo(e.active());
        assertThat(actual.isHandshakeMode()).isEqualTo(expected.isHandshakeMode());
        if (expected.isHandshakeMode()) {
            assertThat(actual.rootKey().getBytes()).isEqualTo(expected.rootKey().getBytes());
            assertThat(actual.alice()).isEqualTo(expected.alice());
        }
    }

    @Test
    void keySetsRoundTripPerTransport() throws DbException {
        ContactId b = addContact(author("Bob"));
        TransportKeys tor = keys(TOR, 100);
        TransportKeys lan = keys(LAN, 100);
        KeySetId torId = db.transactionWithResult(false, txn -> db.addTransportKeys(txn, b, tor));
        KeySetId lanId = db.transactionWithResult(false, txn -> db.addTransportKeys(txn, b, lan));
        assertThat(torId).isNotEqualTo(lanId);

        db.transaction(true, txn -> {
            TransportKeySet stored = db.getTransportKeySet(txn, TOR, torId);
            assertThat(stored.keySetId()).isEqualTo(torId);
            assertThat(stored.contactId()).isEqualTo(b);
            assertThat(stored.pendingContactId()).isNull();
            assertSameKeys(stored.keys(), tor);
            assertThat(db.getTransportKeys(txn, LAN)).singleElement()
                    .satisfies(s -> assertSameKeys(s.keys(), lan));
            assertThat(db.getTransportKeySet(txn, TOR, lanId)).isNull();
        });
    }

    @Test
    void handshakeKeysOfAPendingContactKeepRootKeyAndRole() throws DbException {
        PendingContact p = new PendingContact(new PendingContactId(randomBytes(32)),
                new PublicKey(KeyType.AGREEMENT, randomBytes(32)), "Dave", 1_700_000_000_000L);
        TransportKeys plain = keys(TOR, 100);
        SecretKey root = randomKey();
        TransportKeys handshake = new TransportKeys(TOR, plain.previousIncoming(), plain.currentIncoming(),
                plain.nextIncoming(), plain.currentOutgoing(), root, true);
        db.transaction(false, txn -> db.addPendingContact(txn, p));
        assertThatThrownBy(() -> db.transaction(false, txn -> db.addPendingContact(txn, p)))
                .isInstanceOf(ContactExistsException.class);
        KeySetId id = db.transactionWithResult(false, txn -> db.addTransportKeys(txn, p.id(), handshake));

        db.transaction(true, txn -> {
            TransportKeySet stored = db.getTransportKeySet(txn, TOR, id);
            assertThat(stored.pendingContactId()).isEqualTo(p.id());
            assertThat(stored.contactId()).isNull();
            assertSameKeys(stored.keys(), handshake);
        });
        db.transaction(false, txn -> db.removePendingContact(txn, p.id()));
        assertThat(keySets(TOR)).isEmpty();
        assertThatThrownBy(() -> db.transaction(false, txn -> db.addTransportKeys(txn, p.id(), keys(TOR, 1))))
                .isInstanceOf(NoSuchContactException.class);
    }

    @Test
    void counterWindowActiveFlagAndUpdate() throws DbException {
        ContactId b = addContact(author("Bob"));
        KeySetId id = db.transactionWithResult(false, txn -> db.addTransportKeys(txn, b, keys(TOR, 100)));

        db.transaction(false, txn -> {
            assertThat(db.incrementStreamCounter(txn, TOR, id)).isEqualTo(17);
            assertThat(db.incrementStreamCounter(txn, TOR, id)).isEqualTo(18);
            db.setReorderingWindow(txn, TOR, id, 101, 42, 0x1234_5678);
            db.setTransportKeysActive(txn, TOR, id);
        });
        TransportKeys stored = db.transactionWithResult(true, txn -> db.getTransportKeySet(txn, TOR, id)).keys();
        assertThat(stored.currentOutgoing().streamCounter()).isEqualTo(19);
        assertThat(stored.currentOutgoing().active()).isTrue();
        assertThat(stored.nextIncoming().windowBase()).isEqualTo(42);
        assertThat(stored.nextIncoming().windowBitmap()).isEqualTo(0x1234_5678);
        assertThat(stored.currentIncoming().windowBase()).isZero();

        TransportKeys rotated = keys(TOR, 103);
        db.transaction(false, txn -> db.updateTransportKeys(txn, new TransportKeySet(id, b, null, rotated)));
        TransportKeySet after = db.transactionWithResult(true, txn -> db.getTransportKeySet(txn, TOR, id));
        assertSameKeys(after.keys(), rotated);
        assertThatThrownBy(() -> db.transaction(false, txn -> db.setReorderingWindow(txn, TOR, id, 100, 0, 0)))
                .isInstanceOf(DbException.class);
    }

    @Test
    void keySetsGoWithTheirContactOrOnTheirOwn() throws DbException {
        ContactId b = addContact(author("Bob"));
        ContactId c = addContact(author("Carol"));
        KeySetId bobKeys = db.transactionWithResult(false, txn -> db.addTransportKeys(txn, b, keys(TOR, 100)));
        KeySetId carolKeys = db.transactionWithResult(false, txn -> db.addTransportKeys(txn, c, keys(TOR, 100)));
        KeySetId carolLan = db.transactionWithResult(false, txn -> db.addTransportKeys(txn, c, keys(LAN, 100)));

        db.transaction(false, txn -> db.removeContact(txn, b));
        assertThat(keySets(TOR))
                .extracting(TransportKeySet::keySetId).containsExactly(carolKeys);
        db.transaction(false, txn -> db.removeTransportKeys(txn, TOR, carolKeys));
        assertThat(keySets(TOR)).isEmpty();
        assertThat(keySets(LAN))
                .extracting(TransportKeySet::keySetId).containsExactly(carolLan);
        for (DbCall call : new DbCall[] {
                () -> db.transaction(false, txn -> db.removeTransportKeys(txn, TOR, bobKeys)),
                () -> db.transaction(false, txn -> db.incrementStreamCounter(txn, TOR, bobKeys)),
                () -> db.transaction(false, txn -> db.setTransportKeysActive(txn, LAN, carolKeys))}) {
            assertThatThrownBy(call::run).isInstanceOf(DbException.class).hasMessageContaining("No key set");
        }
        db.transaction(false, txn -> db.removeIdentity(txn, local.id()));
        assertThat(keySets(LAN)).isEmpty();
    }
}
