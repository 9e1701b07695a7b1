package org.thicket.bramble.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.db.api.TransactionManager;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.event.api.EventBus;

/**
 * Transactions over the connection pool, serialised by one fair read-write lock: read-only transactions share the
 * read lock, read-write ones hold the write lock, so a writer never runs beside anyone. A transaction is ended on the
 * thread that started it, and a thread holds at most one (a nested start would deadlock against a waiting writer,
 * so it throws instead). Opening and closing hold the write lock too, so no transaction sees a half-open database.
 */
final class LockingTransactionManager implements TransactionManager {

    /** Work done while no transaction runs. */
    @FunctionalInterface
    interface ExclusiveWork<R> {
        R run() throws DbException;
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private final ThreadLocal<Transaction> current = new ThreadLocal<>();
    private final EventBus eventBus;

    // Replaced only under the write lock; read under either lock.
    private ConnectionPool pool;

    LockingTransactionManager(EventBus eventBus) {
        this.eventBus = eventBus;
    }

    <R> R exclusively(ExclusiveWork<R> work) throws DbException {
        checkNoLockHeld();
        lock.writeLock().lock();
        try {
            return work.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The open database's connections, or null; call inside {@link #exclusively}. */
    ConnectionPool getPool() {
        return pool;
    }

    /** Installs (or with null, removes) the open database's connections; call inside {@link #exclusively}. */
    void setPool(ConnectionPool pool) {
        if (!lock.isWriteLockedByCurrentThread()) throw new IllegalStateException("Not inside exclusively()");
        this.pool = pool;
    }

    /** Whether the thread waits for the lock; lets tests see a blocked transaction without sleeping. */
    boolean isWaiting(Thread thread) {
        return lock.hasQueuedThread(thread);
    }

    @Override
    public Transaction startTransaction(boolean readOnly) throws DbException {
        checkNoLockHeld();
        Lock l = lockFor(readOnly);
        l.lock();
        try {
            if (pool == null) throw new DbException("The database is not open");
            Transaction txn = new Transaction(pool.take(), readOnly);
            current.set(txn);
            return txn;
        } catch (DbException | RuntimeException e) {
            l.unlock();
            throw e;
        }
    }

    @Override
    public void commitTransaction(Transaction txn) throws DbException {
        checkCurrent(txn);
        if (txn.isCommitted()) throw new IllegalStateException("The transaction is already committed");
        try {
            connection(txn).commit();
        } catch (SQLException e) {
            throw new DbException("Could not commit the transaction", e);
        }
        txn.setCommitted();
    }

    @Override
    public void endTransaction(Transaction txn) {
        checkCurrent(txn);
        current.remove();
        try {
            if (!txn.isCommitted()) Jdbc.rollback(connection(txn));
            pool.release(connection(txn));
        } finally {
            lockFor(txn.isReadOnly()).unlock();
        }
        // Only now: listeners may start transactions of their own, and must see the committed state.
        if (txn.isCommitted()) {
            for (Event e : txn.getEvents()) eventBus.broadcast(e);
        }
    }



    static Connection connection(Transaction txn) {
        return (Connection) txn.unbox();
    }

    private Lock lockFor(boolean readOnly) {
        return readOnly ? lock.readLock() : lock.writeLock();
    }

    private void checkNoLockHeld() {
        if (lock.getReadHoldCount() > 0 || lock.isWriteLockedByCurrentThread()) {
            throw new IllegalStateException("This thread already holds a database transaction");
        }
    }

    private void checkCurrent(Transaction txn) {
        if (current.get() != txn) {
            throw new IllegalStateException("Not this thread's open transaction (ended already, or another thread's)");
        }
    }
}
