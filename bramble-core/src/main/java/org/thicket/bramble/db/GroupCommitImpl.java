package org.thicket.bramble.db;

import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.thicket.bramble.db.api.DbCallable;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.GroupCommit;
import org.thicket.bramble.db.api.TransactionManager;

/**
 * Leader and followers, without a thread of its own: a caller queues its task, and whichever caller finds no
 * transaction of this queue running takes every queued task (up to {@link #MAX_TASKS}) and runs them in one
 * transaction on its own thread, while the others wait for their results. After a shared transaction the next
 * leader first gathers: it waits briefly for the writers still coming.
 */
final class GroupCommitImpl implements GroupCommit {

    /** Bounds a shared transaction's size, and how long its write lock is held. */
    static final int MAX_TASKS = 64;
    /**
     * How long a leader waits for more tasks after a batch that had company: the other writers are likely still on
     * their way (an API request is parsed before its task is queued). 3 ms gave the LAN benchmark 12 % more
     * messages/s (docs/benchmarks.md); a writer alone never waits.
     */
    static final long GATHER_NANOS = 3_000_000;

    private final TransactionManager transactions;
    private final long gatherNanos;

    private final Object lock = new Object();
    private final Queue<Task<?>> queue = new ArrayDeque<>(); // guarded by lock
    private boolean leading; // guarded by lock
    private boolean gathering; // guarded by lock
    private int lastBatchSize; // guarded by lock

    @Inject
    GroupCommitImpl(TransactionManager transactions) {
        this(transactions, GATHER_NANOS);
    }

    GroupCommitImpl(TransactionManager transactions, long gatherNanos) {
        this.transactions = transactions;
        this.gatherNanos = gatherNanos;
    }

    /** A queued task and, once its transaction ended, its outcome. Fields guarded by the commit's lock. */
    private static final class Task<R> {
        final DbCallable<R, ?> callable;
        boolean done;
        R result;
        Throwable failure;

        Task(DbCallable<R, ?> callable) {
            this.callable = callable;
        }
    }

    @Override
    public <R, E extends Exception> R write(DbCallable<R, E> callable) throws DbException, E {
        Task<R> task = new Task<>(callable);
        boolean interrupted = false;
        synchronized (lock) {
            queue.add(task);
            if (gathering) lock.notifyAll();
        }
        try {
            while (true) {
                List<Task<?>> batch;
                synchronized (lock) {
                    // Not interruptible: once queued, a task may already be running in someone's transaction.
                    while (!task.done && leading) {
                        try {
                            lock.wait();
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                    if (task.done) return outcome(task);
                    leading = true;
                    interrupted |= gather();
                    batch = new ArrayList<>();
                    for (Task<?> t; batch.size() < MAX_TASKS && (t = queue.poll()) != null; ) batch.add(t);
                    lastBatchSize = batch.size();
                }
                try {
                    run(batch);
                } finally {
                    synchronized (lock) {
                        leading = false;
                        lock.notifyAll();
                    }
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /**
     * When the last batch had company, waits up to {@code gatherNanos} for more tasks, or until a batch is full,
     * before taking the batch. Returns whether the wait was interrupted. Called holding the lock.
     */
    private boolean gather() {
        if (lastBatchSize <= 1) return false;
        boolean interrupted = false;
        gathering = true;
        long deadline = System.nanoTime() + gatherNanos;
        for (long left = gatherNanos; queue.size() < MAX_TASKS && left > 0; left = deadline - System.nanoTime()) {
            try {
                lock.wait(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        gathering = false;
        return interrupted;
    }

    private void run(List<Task<?>> batch) {
        if (batch.size() > 1 && runShared(batch)) return;
        for (Task<?> task : batch) runAlone(task);
    }

    /** All in one transaction; false (and nothing done) if a task threw or the commit failed. */
    private boolean runShared(List<Task<?>> batch) {
        List<Object> results = new ArrayList<>(batch.size());
        try {
            transactions.transaction(false, txn -> {
                for (Task<?> task : batch) results.add(task.callable.call(txn));
            });
        } catch (Exception | Error e) {
            return false;
        }
        synchronized (lock) {
            for (int i = 0; i < batch.size(); i++) complete(batch.get(i), results.get(i), null);
        }
        return true;
    }

    private void runAlone(Task<?> task) {
        Object result = null;
        Throwable failure = null;
        try {
            result = transactions.transactionWithResult(false, task.callable);
        } catch (Exception | Error e) {
            failure = e;
        }
        synchronized (lock) {
            complete(task, result, failure);
        }
    }

    @SuppressWarnings("unchecked")
    private static <R> void complete(Task<R> task, Object result, Throwable failure) {
        task.result = (R) result;
        task.failure = failure;
        task.done = true;
    }

    /** The task's result, or what it threw: a DbException, its own E, or an unchecked exception or error. */
    @SuppressWarnings("unchecked")
    private static <R, E extends Exception> R outcome(Task<R> task) throws DbException, E {
        Throwable failure = task.failure;
        if (failure == null) return task.result;
        if (failure instanceof RuntimeException e) throw e;
        if (failure instanceof Error e) throw e;
        if (failure instanceof DbException e) throw e;
        throw (E) failure;
    }
}
