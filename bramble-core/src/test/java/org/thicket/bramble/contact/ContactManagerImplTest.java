package org.thicket.bramble.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thicket.bramble.test.TestNode.LAN;
import static org.thicket.bramble.test.TestNode.TOR;

import com.google.inject.multibindings.Multibinder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.contact.api.Contact;
import org.thicket.bramble.contact.api.ContactAddedEvent;
import org.thicket.bramble.contact.api.ContactExistsException;
import org.thicket.bramble.contact.api.ContactHook;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.ContactManager;
import org.thicket.bramble.contact.api.ContactRemovedEvent;
import org.thicket.bramble.contact.api.NoSuchContactException;
import org.thicket.bramble.crypto.api.CryptoComponent;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.identity.api.Author;
import org.thicket.bramble.identity.api.Identity;
import org.thicket.bramble.identity.api.IdentityManager;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.test.SettableClock;
import org.thicket.bramble.test.TestNode;
import org.thicket.bramble.transport.api.KeyManager;
import org.thicket.bramble.transport.api.TransportKeySet;

class ContactManagerImplTest {

    private static final long EXCHANGE_TIME = SettableClock.DEFAULT_TIME_MS - 60_000;

    /** Records what the hooks saw, inside the transaction: the contact, whether it is stored, and its keys. */
    private static final class RecordingHook implements ContactHook {

        volatile DatabaseComponent db;
        final List<String> calls = new ArrayList<>();
        volatile RuntimeException failOnAdd;

        @Override
        public void addingContact(Transaction txn, Contact contact) throws DbException {
            calls.add("adding " + contact.author().name() + " stored=" + db.containsContact(txn, contact.id())
                    + " keys=" + keyCount(txn, contact.id()) + " committed=" + txn.isCommitted());
            if (failOnAdd != null) throw failOnAdd;
        }

        @Override
        public void removingContact(Transaction txn, Contact contact) throws DbException {
            calls.add("removing " + contact.author().name() + " stored=" + db.containsContact(txn, contact.id())
                    + " keys=" + keyCount(txn, contact.id()));
        }

        private long keyCount(Transaction txn, ContactId c) throws DbException {
            long count = 0;
            for (TransportId t : List.of(TOR.id(), LAN.id())) {
                count += db.getTransportKeys(txn, t).stream().filter(s -> c.equals(s.contactId())).count();
            }
            return count;
        }
    }

    @TempDir
    Path dir;

    private final RecordingHook hook = new RecordingHook();
    private TestNode node;
    private DatabaseComponent db;
    private ContactManager contacts;
    private Identity me;
    private SecretKey rootKey;

    @BeforeEach
    void setUp() throws Exception {
        node = TestNode.open(dir, TestNode.randomKey(), new SettableClock(),
                binder -> Multibinder.newSetBinder(binder, ContactHook.class).addBinding().toInstance(hook));
        node.startServices();
        db = node.db();
        hook.db = db;
        contacts = node.get(ContactManager.class);
        me = node.addIdentity("Me");
        rootKey = node.get(CryptoComponent.class).generateSecretKey();
    }

    @AfterEach
    void tearDown() throws DbException {
        node.close();
    }

    private Author author(String name) {
        return node.get(IdentityManager.class).createIdentity(name).localAuthor().author();
    }

    private ContactId add(Author remote, boolean verified, boolean active) throws DbException {
        return db.transactionWithResult(false, txn ->
                contacts.addContact(txn, remote, me.id(), rootKey, EXCHANGE_TIME, true, verified, active));
    }

    private List<TransportKeySet> keys(TransportId t) throws DbException {
        return List.copyOf(db.transactionWithResult(true, txn -> db.getTransportKeys(txn, t)));
    }

    @Test
    void addingAContactStoresItWithKeysForEveryTransportAndAnnouncesItAfterCommit() throws DbException {
        Author bob = author("Bob");
        ContactId c = db.transactionWithResult(false, txn -> {
            ContactId id = contacts.addContact(txn, bob, me.id(), rootKey, EXCHANGE_TIME, true, true, true);
            assertThat(node.events().events()).as("nothing before the commit").isEmpty();
            return id;
        });

        assertThat(node.events().events()).containsExactly(new ContactAddedEvent(c, true));
        assertThat(hook.calls).containsExactly("adding Bob stored=true keys=2 committed=false");
        Contact stored = db.transactionWithResult(true, txn -> contacts.getContact(txn, c));
        assertThat(stored).isEqualTo(new Contact(c, bob, me.id(), null, null, true));
        for (TransportId t : List.of(TOR.id(), LAN.id())) {
            assertThat(keys(t)).singleElement().satisfies(s -> {
                assertThat(s.contactId()).isEqualTo(c);
                assertThat(s.keys().isHandshakeMode()).isFalse();
            });
            assertThat(node.get(KeyManager.class).getStreamContext(c, t)).isNotNull();
        }
    }

    @Test
    void inactiveContactsGetNoStreamsYet() throws DbException {
        ContactId c = add(author("Bob"), false, false);
        assertThat(node.events().events()).containsExactly(new ContactAddedEvent(c, false));
        assertThat(node.get(KeyManager.class).getStreamContext(c, TOR.id())).isNull();
    }

    @Test
    void aFailingHookRollsEverythingBackAndAnnouncesNothing() throws DbException {
        hook.failOnAdd = new IllegalStateException("client failed");
        assertThatThrownBy(() -> add(author("Bob"), true, true)).hasMessage("client failed");

        assertThat(node.events().events()).isEmpty();
        assertThat(db.transactionWithResult(true, contacts::getContacts)).isEmpty();
        assertThat(keys(TOR.id())).isEmpty();
    }

    @Test
    void anAuthorIsAddedOncePerIdentity() throws DbException {
        Author bob = author("Bob");
        add(bob, false, true);
        assertThatThrownBy(() -> add(bob, true, true)).isInstanceOf(ContactExistsException.class);
        assertThat(node.events().events(ContactAddedEvent.class)).hasSize(1);
        assertThat(keys(TOR.id())).hasSize(1);
        assertThatThrownBy(() -> add(me.localAuthor().author(), true, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void removingAContactRemovesItsKeysAndAnnouncesItAfterCommit() throws DbException {
        ContactId bob = add(author("Bob"), true, true);
        ContactId carol = add(author("Carol"), true, true);
        db.transaction(false, txn -> {
            contacts.removeContact(txn, bob);
            assertThat(node.events().events(ContactRemovedEvent.class)).isEmpty();
        });

        assertThat(node.events().events(ContactRemovedEvent.class)).containsExactly(new ContactRemovedEvent(bob));
        assertThat(hook.calls).contains("removing Bob stored=true keys=2");
        assertThat(db.transactionWithResult(true, contacts::getContacts)).extracting(Contact::id)
                .containsExactly(carol);
        assertThat(keys(TOR.id())).extracting(TransportKeySet::contactId).containsExactly(carol);
        assertThat(keys(LAN.id())).extracting(TransportKeySet::contactId).containsExactly(carol);
        assertThat(node.get(KeyManager.class).getStreamContext(bob, TOR.id())).isNull();
        assertThatThrownBy(() -> db.transaction(false, txn -> contacts.removeContact(txn, bob)))
                .isInstanceOf(NoSuchContactException.class);
        assertThatThrownBy(() -> db.transaction(true, txn -> contacts.getContact(txn, bob)))
                .isInstanceOf(NoSuchContactException.class);
    }

    @Test
    void aliasAndVerifiedFlagChange() throws DbException {
        ContactId c = add(author("Bob"), false, true);
        db.transaction(false, txn -> {
            contacts.setContactAlias(txn, c, "Bobby");
            contacts.setContactVerified(txn, c, true);
        });
        Contact changed = db.transactionWithResult(true, txn -> contacts.getContact(txn, c));
        assertThat(changed.alias()).isEqualTo("Bobby");
        assertThat(changed.verified()).isTrue();

        db.transaction(false, txn -> contacts.setContactAlias(txn, c, null));
        assertThat(db.transactionWithResult(true, txn -> contacts.getContact(txn, c)).alias()).isNull();
        for (String bad : new String[] {"", "x".repeat(51)}) {
            assertThatThrownBy(() -> db.transaction(false, txn -> contacts.setContactAlias(txn, c, bad)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        ContactId missing = new ContactId(c.value() + 100);
        assertThatThrownBy(() -> db.transaction(false, txn -> contacts.setContactVerified(txn, missing, true)))
                .isInstanceOf(NoSuchContactException.class);
    }
}
