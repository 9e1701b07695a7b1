package org.thicket.bramble.lifecycle;

import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.DatabaseLifecycle;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.MigrationListener;
import org.thicket.bramble.db.api.Transaction;

/**
 * Journals every call. It can be told to fail opening with a given exception, and to report migration and
 * compaction while opening. Transactions are plain objects; {@link #current} is the one in progress, if any.
 */
final class FakeDatabase implements DatabaseLifecycle {

    private final Journal journal;
    private volatile DbException openFailure;
    private volatile boolean migrates;
    private volatile boolean compacts;
    private volatile Transaction current;

    FakeDatabase(Journal journal) {
        this.journal = journal;
    }

    void failOpeningWith(DbException e) {
        openFailure = e;
    }

    void reportMigrationAndCompaction() {
        migrates = true;
        compacts = true;
    }

    Transaction current() {
        return current;
    }

    @Override
    public boolean open(SecretKey key, MigrationListener listener) throws DbException {
        journal.add("open");
        if (openFailure != null) throw openFailure;
        if (migrates) listener.onDatabaseMigration();
        if (compacts) listener.onDatabaseCompaction();
        return true;
    }

    @Override
    public void close() {
        journal.add("close");
    }

    @Override
    public Transaction startTransaction(boolean readOnly) {
        journal.add(readOnly ? "begin read-only" : "begin read-write");
        current = new Transaction(new Object(), readOnly);
        return current;
    }

    @Override
    public void commitTransaction(Transaction txn) {
        journal.add("commit");
        txn.setCommitted();
    }

    @Override
    public void endTransaction(Transaction txn) {
        journal.add("end");
        current = null;
    }


}
