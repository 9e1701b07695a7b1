package org.thicket.bramble.db;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thicket.bramble.db.TestData.database;
import static org.thicket.bramble.db.TestData.group;
import static org.thicket.bramble.db.TestData.identity;
import static org.thicket.bramble.db.TestData.message;
import static org.thicket.bramble.db.TestData.randomBytes;
import static org.thicket.bramble.db.TestData.randomKey;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.MigrationListener;
import org.thicket.bramble.db.api.NoSuchGroupException;
import org.thicket.bramble.db.api.NoSuchIdentityException;
import org.thicket.bramble.db.api.NoSuchMessageException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.identity.api.Identity;
import org.thicket.bramble.settings.api.Settings;
import org.thicket.bramble.settings.api.SettingsUpdatedEvent;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.sync.api.Metadata;
import org.thicket.bramble.test.CapturingEventBus;

class DataMethodsTest {

    @TempDir
    Path dir;

    private final CapturingEventBus bus = new CapturingEventBus();
    private DatabaseComponentImpl db;

    @BeforeEach
    void open() throws DbException {
        db = database(dir, bus);
        db.open(randomKey(), MigrationListener.NONE);
    }

    @AfterEach
    void close() throws DbException {
        db.close();
    }

    @Test
    void settingsMergeKeepsOtherKeysAndAnnouncesTheWholeNamespace() throws DbException {
        db.transaction(false, txn -> db.mergeSettings(txn, Settings.EMPTY.with("a", "1").withBoolean("b", true), "ns"));
        db.transaction(false, txn -> db.mergeSettings(txn, Settings.EMPTY.withLong("c", 1L << 40), "ns"));
        db.transaction(false, txn -> db.mergeSettings(txn, Settings.EMPTY.with("a", "x"), "other"));

        Settings ns = db.transactionWithResult(true, txn -> db.getSettings(txn, "ns"));
        assertThat(ns.get("a")).isEqualTo("1");
        assertThat(ns.getBoolean("b", false)).isTrue();
        assertThat(ns.getLong("c", 0)).isEqualTo(1L << 40);
        assertThat(bus.events()).element(1).isEqualTo(new SettingsUpdatedEvent("ns", ns));
        assertThat(bus.events()).hasSize(3);
    }

    @Test
    void mergingWhatIsStoredChangesNothingAndAnnouncesNothing() throws DbException {
        db.transaction(false, txn -> db.mergeSettings(txn, Settings.EMPTY.with("a", "1"), "ns"));
        db.transaction(false, txn -> db.mergeSettings(txn, Settings.EMPTY.with("a", "1"), "ns"));
        assertThat(bus.events()).hasSize(1);
    }

    @Test
    void identitiesRoundTripWithTheirKeys() throws DbException {
        Identity alice = identity("Alice");
        Identity bob = identity("Bob");
        db.transaction(false, txn -> {
            db.addIdentity(txn, alice);
            db.addIdentity(txn, bob);
            db.addIdentity(txn, alice);
        });
        db.transaction(true, txn -> {
            assertThat(db.containsIdentity(txn, alice.id())).isTrue();
            Identity stored = db.getIdentity(txn, alice.id());
            assertSameIdentity(stored, alice);
            assertThat(db.getIdentities(txn)).extracting(Identity::id)
                    .containsExactlyInAnyOrder(alice.id(), bob.id());
        });
        db.transaction(false, txn -> db.removeIdentity(txn, alice.id()));
        db.transaction(true, txn -> {
            assertThat(db.containsIdentity(txn, alice.id())).isFalse();
            assertThatThrownBy(() -> db.getIdentity(txn, alice.id())).isInstanceOf(NoSuchIdentityException.class);
        });
        assertThatThrownBy(() -> db.transaction(false, txn -> db.removeIdentity(txn, alice.id())))
                .isInstanceOf(NoSuchIdentityException.class);
    }

    private static void assertSameIdentity(Identity actual, Identity expected) {
        assertThat(actual.localAuthor().author()).isEqualTo(expected.localAuthor().author());
        assertThat(actual.localAuthor().privateKey().getEncoded())
                .isEqualTo(expected.localAuthor().privateKey().getEncoded());
        assertThat(actual.handshakeKeyPair().publicKey()).isEqualTo(expected.handshakeKeyPair().publicKey());
        assertThat(actual.handshakeKeyPair().privateKey().getEncoded())
                .isEqualTo(expected.handshakeKeyPair().privateKey().getEncoded());
        assertThat(actual.created()).isEqualTo(expected.created());
    }

    @Test
    void removingAnIdentityRemovesItsContacts() throws Exception {
        Identity alice = identity("Alice");
        db.transaction(false, txn -> {
            db.addIdentity(txn, alice);
            insertContact(txn, alice);
        });
        assertThat(count("contacts")).isEqualTo(1);
        db.transaction(false, txn -> db.removeIdentity(txn, alice.id()));
        assertThat(count("contacts")).isZero();
    }

    @Test
    void groupsAndMessagesRoundTrip() throws DbException {
        Group g = group(1);
        Message m = message(g, 1, "body".getBytes(UTF_8));
        db.transaction(false, txn -> {
            db.addGroup(txn, g);
            db.addGroup(txn, g);
            assertThat(db.addMessage(txn, m, MessageState.PENDING, true, false)).isTrue();
            // Refused by the primary key: the transaction goes on, and the first copy stays as it was.
            assertThat(db.addMessage(txn, m, MessageState.DELIVERED, false, false)).isFalse();
        });
        db.transaction(true, txn -> {
            assertThat(db.containsGroup(txn, g.getId())).isTrue();
            assertThat(db.getGroup(txn, g.getId())).isEqualTo(g);
            assertThat(db.containsMessage(txn, m.getId())).isTrue();
            assertThat(db.getMessage(txn, m.getId())).isEqualTo(m.getRaw());
            assertThat(db.getMessageState(txn, m.getId())).isEqualTo(MessageState.PENDING);
        });
    }

    @Test
    void aMessageNeedsItsGroup() {
        Message m = message(group(1), 1, new byte[] {1});
        assertThatThrownBy(() -> db.transaction(false, txn -> db.addMessage(txn, m, MessageState.DELIVERED, true,
                false))).isInstanceOf(NoSuchGroupException.class);
    }

    @Test
    void unknownGroupsAndMessagesAreReportedAsMissing() throws DbException {
        Group g = group(1);
        Message m = message(g, 1, new byte[] {1});
        db.transaction(false, txn -> {
            assertThat(db.containsGroup(txn, g.getId())).isFalse();
            assertThat(db.containsMessage(txn, m.getId())).isFalse();
            assertThatThrownBy(() -> db.getGroup(txn, g.getId())).isInstanceOf(NoSuchGroupException.class);
            assertThatThrownBy(() -> db.removeGroup(txn, g.getId())).isInstanceOf(NoSuchGroupException.class);
            assertThatThrownBy(() -> db.getMessage(txn, m.getId())).isInstanceOf(NoSuchMessageException.class);
            assertThatThrownBy(() -> db.getMessageState(txn, m.getId())).isInstanceOf(NoSuchMessageException.class);
            assertThatThrownBy(() -> db.setMessageState(txn, m.getId(), MessageState.DELIVERED))
                    .isInstanceOf(NoSuchMessageException.class);
            assertThatThrownBy(() -> db.deleteMessage(txn, m.getId())).isInstanceOf(NoSuchMessageException.class);
        });
    }

    @Test
    void deletingAMessageDropsItsContentButKeepsItsRecord() throws DbException {
        Group g = group(1);
        Message m = message(g, 1, randomBytes(Message.MAX_BODY_LENGTH));
        db.transaction(false, txn -> {
            db.addGroup(txn, g);
            db.addMessage(txn, m, MessageState.DELIVERED, true, true);
            db.deleteMessage(txn, m.getId());
        });
        db.transaction(true, txn -> {
            assertThat(db.containsMessage(txn, m.getId())).isTrue();
            assertThat(db.getMessage(txn, m.getId())).isNull();
            assertThat(db.getMessageState(txn, m.getId())).isEqualTo(MessageState.DELIVERED);
        });
    }

    @Test
    void settingTheStateUpdatesEveryCopyOfIt() throws Exception {
        Group g = group(1);
        Message m = message(g, 1, new byte[] {1});
        Message dependent = message(g, 2, new byte[] {2});
        db.transaction(false, txn -> {
            db.addGroup(txn, g);
            db.addMessage(txn, m, MessageState.UNKNOWN, true, false);
            db.addMessage(txn, dependent, MessageState.UNKNOWN, true, false);
            db.mergeMessageMetadata(txn, m.getId(), Metadata.EMPTY.with("k", new byte[] {1}));
            execute(txn, "INSERT INTO messageDependencies VALUES (?, ?, ?, 0, 0)", g, dependent, m);
            execute(txn, "INSERT INTO messageDependencies VALUES (?, ?, ?, 0, 0)", g, m, dependent);
            db.setMessageState(txn, m.getId(), MessageState.DELIVERED);
        });
        int delivered = MessageState.DELIVERED.getCode();
        assertThat(query("SELECT state FROM messageMetadata")).isEqualTo(delivered);
        assertThat(query("SELECT dependencyState FROM messageDependencies WHERE dependencyId = ?", m))
                .isEqualTo(delivered);
        assertThat(query("SELECT messageState FROM messageDependencies WHERE messageId = ?", m)).isEqualTo(delivered);
        assertThat(query("SELECT messageState FROM messageDependencies WHERE messageId = ?", dependent)).isZero();
    }

    @Test
    void statusesFollowTheStateAndDeletionOfTheirMessage() throws Exception {
        Group g = group(1);
        Message m = message(g, 1, new byte[] {1});
        db.transaction(false, txn -> {
            db.addGroup(txn, g);
            db.addMessage(txn, m, MessageState.PENDING, true, false);
            Identity alice = identity("Alice");
            db.addIdentity(txn, alice);
            insertContact(txn, alice);
            insertStatus(txn, m);
            db.setMessageState(txn, m.getId(), MessageState.DELIVERED);
            db.deleteMessage(txn, m.getId());
        });
        assertThat(query("SELECT state FROM statuses")).isEqualTo(MessageState.DELIVERED.getCode());
        assertThat(query("SELECT COUNT(*) FROM statuses WHERE deleted")).isEqualTo(1);
    }

    @Test
    void removingAGroupRemovesEverythingInIt() throws Exception {
        Group g = group(1);
        Group other = group(2);
        Message m = message(g, 1, new byte[] {1});
        Identity alice = identity("Alice");
        db.transaction(false, txn -> {
            db.addGroup(txn, g);
            db.addGroup(txn, other);
            db.addMessage(txn, m, MessageState.DELIVERED, true, false);
            db.addMessage(txn, message(other, 2, new byte[] {2}), MessageState.DELIVERED, true, false);
            db.addIdentity(txn, alice);
            insertContact(txn, alice);
            execute(txn, "INSERT INTO groupMetadata VALUES (?, 'k', X'01')", g);
            execute(txn, "INSERT INTO groupVisibilities (contactId, groupId, shared) "
                    + "SELECT contactId, ?, TRUE FROM contacts", g);
            insertStatus(txn, m);
        });
        db.transaction(false, txn -> db.removeGroup(txn, g.getId()));

        db.transaction(true, txn -> {
            assertThat(db.containsGroup(txn, g.getId())).isFalse();
            assertThat(db.containsMessage(txn, m.getId())).isFalse();
            assertThat(db.containsGroup(txn, other.getId())).isTrue();
        });
        assertThat(count("messages")).isEqualTo(1);
        assertThat(count("groupMetadata")).isZero();
        assertThat(count("groupVisibilities")).isZero();
        assertThat(count("statuses")).isZero();
        assertThat(count("contacts")).isEqualTo(1);
    }

    private static void insertContact(Transaction txn, Identity owner) throws DbException {
        execute(txn, "INSERT INTO contacts (authorId, formatVersion, name, publicKey, localAuthorId, verified)"
                + " VALUES (?, 1, 'Carol', ?, ?, TRUE)", randomBytes(32), randomBytes(32), owner.id().getBytes());
    }

    /** A status of the message for the only contact: not yet sent, acked or seen. */
    private static void insertStatus(Transaction txn, Message m) throws DbException {
        execute(txn, SchemaFixtures.INSERT_STATUS, m);
    }

    /** Raw SQL for rows that have no data method yet; arguments are byte[], Group (its ID) or Message (its ID). */
    private static void execute(Transaction txn, String sql, Object... args) throws DbException {
        try (PreparedStatement ps = prepare((Connection) txn.unbox(), sql, args)) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new DbException(sql, e);
        }
    }

    private int query(String sql, Object... args) throws DbException {
        return db.transactionWithResult(true, txn -> {
            try (PreparedStatement ps = prepare((Connection) txn.unbox(), sql, args);
                    ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as(sql).isTrue();
                return rs.getInt(1);
            } catch (SQLException e) {
                throw new DbException(sql, e);
            }
        });
    }

    private int count(String table) throws DbException {
        return query("SELECT COUNT(*) FROM " + table);
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            byte[] bytes = args[i] instanceof Group g ? g.getId().getBytes()
                    : args[i] instanceof Message m ? m.getId().getBytes() : (byte[]) args[i];
            ps.setBytes(i + 1, bytes);
        }
        return ps;
    }
}
