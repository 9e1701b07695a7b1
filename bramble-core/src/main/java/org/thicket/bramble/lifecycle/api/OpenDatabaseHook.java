package org.thicket.bramble.lifecycle.api;

import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;

/**
 * Prepares the database each time it is opened, before any service starts: clients create their local groups here.
 * All hooks share one read-write transaction, so they take effect together or not at all; a hook must therefore be
 * idempotent and must not start a transaction of its own.
 */
@FunctionalInterface
public interface OpenDatabaseHook {

    void onDatabaseOpened(Transaction txn) throws DbException;
}
