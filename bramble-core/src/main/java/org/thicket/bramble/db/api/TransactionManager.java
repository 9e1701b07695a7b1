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

    /** Runs the task in a transaction and commits it, unless the task throws; the transaction is ended either way. */
    default <E extends Exception> void transaction(boolean readOnly, DbRunnable<E> task) throws DbException, E {
        transactionWithResult(readOnly, txn -> {
            task.run(txn);
            return null;
        });
    }

    /** As {@link #transaction}, returning what the task returns. */
    default <R, E extends Exception> R transactionWithResult(boolean readOnly, DbCallable<R, E> task)
            throws DbException, E {
        Transaction txn = startTransaction(readOnly);
        try {
            R result = task.call(txn);
            commitTransaction(txn);
            return result;
        } finally {
            endTransaction(txn);
        }
    }
}
