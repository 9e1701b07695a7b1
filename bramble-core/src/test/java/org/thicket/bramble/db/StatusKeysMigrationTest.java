package org.thicket.bramble.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thicket.bramble.db.SchemaFixtures.INSERT_STATUS;
import static org.thicket.bramble.db.SchemaFixtures.STATUS_INDEXES;
import static org.thicket.bramble.db.SchemaFixtures.addContactOfNewIdentity;
import static org.thicket.bramble.db.SchemaFixtures.execute;
import static org.thicket.bramble.db.SchemaFixtures.indexes;
import static org.thicket.bramble.db.SchemaFixtures.migrateAgain;
import static org.thicket.bramble.db.TestData.count;
import static org.thicket.bramble.db.TestData.message;

import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.contact.api.Contact;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.settings.api.Settings;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageState;

/**
 * A schema-5 database, whose statuses have foreign keys on the contact and the group, opened by this code: the keys
 * and their indexes are gone, the rows stay, a second run changes nothing, and removing a group, a contact or an
 * identity still takes the statuses with it, now without a key to cascade from.
 */
class StatusKeysMigrationTest extends MigrationTestCase {

    /** What schema 5 had and schema 6 dropped. */
    private static final String[] SCHEMA_5_KEYS = {
        "ALTER TABLE statuses ADD FOREIGN KEY (contactId) REFERENCES contacts (contactId) ON DELETE CASCADE",
        "ALTER TABLE statuses ADD FOREIGN KEY (groupId) REFERENCES syncGroups (groupId) ON DELETE CASCADE"};

    private final Message first = message(group, 1, new byte[] {1});
    private final Message second = message(group, 2, new byte[] {2});

    @Test
    void schemaFiveLosesTheStatusKeysAndKeepsItsRows() throws Exception {
        writeSchemaFiveDatabase();

        openAndCheck(db -> {
            assertThat(indexes(db, "STATUSES")).isEqualTo(STATUS_INDEXES);
            assertThat(count(db, "statuses")).isEqualTo(2);
            migrateAgain(db, new StatusKeysMigration());
            assertThat(indexes(db, "STATUSES")).isEqualTo(STATUS_INDEXES);
            assertThat(count(db, "statuses")).isEqualTo(2);
        });
    }

    @Test
    void removingAGroupTakesItsStatusesAndNoOthers() throws Exception {
        writeSchemaFiveDatabase();
        openAndCheck(db -> {
            Group other = TestData.group(2);
            Message elsewhere = message(other, 3, new byte[] {3});
            db.transaction(false, txn -> {
                db.addGroup(txn, other);
                db.addMessage(txn, elsewhere, MessageState.DELIVERED, true, false);
                execute(txn, INSERT_STATUS, elsewhere.getId().getBytes());
            });
            db.transaction(false, txn -> db.removeGroup(txn, group.getId()));

            assertThat(count(db, "statuses")).isEqualTo(1);
            ContactId contact = onlyContact(db);
            Collection<MessageId> unacked = db.transactionWithResult(true,
                    txn -> db.getUnackedMessagesToSend(txn, contact));
            assertThat(unacked).containsExactly(elsewhere.getId());
        });
    }

    @Test
    void removingAContactOrAnIdentityTakesItsStatuses() throws Exception {
        writeSchemaFiveDatabase();
        openAndCheck(db -> {
            ContactId contactId = onlyContact(db);
            db.transaction(false, txn -> db.removeContact(txn, contactId));
            assertThat(count(db, "statuses")).isZero();

            db.transaction(false, txn -> {
                addContactOfNewIdentity(db, txn);
                execute(txn, INSERT_STATUS, first.getId().getBytes());
            });
            assertThat(count(db, "statuses")).isEqualTo(1);
            Contact contact = db.transactionWithResult(true, txn -> List.copyOf(db.getContacts(txn)).get(0));
            db.transaction(false, txn -> db.removeIdentity(txn, contact.localAuthorId()));
            assertThat(count(db, "statuses")).isZero();
            assertThat(count(db, "contacts")).isZero();
        });
    }

    private static ContactId onlyContact(DatabaseComponentImpl db) throws DbException {
        return db.transactionWithResult(true, txn -> List.copyOf(db.getContacts(txn)).get(0).id());
    }

    /** This code's tables with a group, two messages and their statuses, and schema 5's keys, version 5. */
    private void writeSchemaFiveDatabase() throws DbException {
        DatabaseComponentImpl db = open();
        db.transaction(false, txn -> {
            db.addGroup(txn, group);
            addContactOfNewIdentity(db, txn);
            for (Message m : List.of(first, second)) {
                db.addMessage(txn, m, MessageState.DELIVERED, true, false);
                execute(txn, INSERT_STATUS, m.getId().getBytes());
            }
            for (String sql : SCHEMA_5_KEYS) execute(txn, sql);
            db.mergeSettings(txn, Settings.EMPTY.withInt(SchemaMigrator.SCHEMA_VERSION_KEY, 5),
                    SchemaMigrator.NAMESPACE);
        });
        assertThat(indexes(db, "STATUSES")).hasSize(STATUS_INDEXES.size() + 2);
        db.close();
    }
}
