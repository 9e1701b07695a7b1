package org.thicket.bramble.db.api;

/**
 * Runs small read-write tasks that many threads submit at once in shared transactions, so that they share one
 * commit: the database writes its file once per commit, which costs more than a small task's own work. A caller
 * waits until its task's transaction has committed (or failed), exactly as with
 * {@link TransactionManager#transactionWithResult}; a task alone on the queue runs in a transaction of its own, on
 * the calling thread: at once, or, if the last transaction was shared, after waiting a few milliseconds for company.
 * <p>
 * If any task of a shared transaction throws, or the commit fails, the whole transaction rolls back and each of its
 * tasks runs again in a transaction of its own: one failing task never takes the others' work with it. A task
 * must therefore do nothing outside the database that it would not do twice.
 */
public interface GroupCommit {

    /** Runs the task in a read-write transaction, possibly shared; returns what it returns once that committed. */
    <R, E extends Exception> R write(DbCallable<R, E> task) throws DbException, E;
}
