package org.thicket.bramble.db.api;

/**
 * Runs work in transactions. Read-only transactions may run concurrently; read-write ones run one at a time.
 * A thread may not start a transaction while it holds one (that would deadlock; it throws instead).
 */
public interface TransactionManager {

    Transaction startTransaction(boolean readOnly) throws DbException;

    /** Commits; the attached events are broadcast by {@link #endTransaction}. */
    void commitTransaction(Transaction txn) throws DbException;

    /** Rolls back if not committed, releases the transaction, then broadcasts its events if it committed. */
    void endTransaction(Transaction txn);

    <E extends Exception> void transaction(boolean readOnly, DbRunnable<E> task) throws DbException, E;

    <R, E extends Exception> R transactionWithResult(boolean readOnly, DbCallable<R, E> task) throws DbException, E;
}
