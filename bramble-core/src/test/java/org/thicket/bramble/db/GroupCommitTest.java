package org.thicket.bramble.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thicket.bramble.db.TestData.database;
import static org.thicket.bramble.db.TestData.randomKey;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.db.api.DbCallable;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.MigrationListener;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.db.api.TransactionManager;
import org.thicket.bramble.settings.api.Settings;
import org.thicket.bramble.test.CapturingEventBus;

/**
 * Writers on many threads, one real database: tasks queued while a transaction holds the write lock share the next
 * one, each caller gets its own result, and a task that throws costs only its own write.
 */
class GroupCommitTest {

    private static final int WRITERS = 10;
    private static final long TIMEOUT_SECONDS = 10;
    private static final String NAMESPACE = "group-commit-test";

    @TempDir
    Path dir;

    private DatabaseComponentImpl db;
    private final AtomicInteger transactions = new AtomicInteger();
    private GroupCommitImpl groupCommit;
    private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    private final List<Thread> writerThreads = new ArrayList<>();

    @BeforeEach
    void open() throws DbException {
        db = database(dir, new CapturingEventBus());
        db.open(randomKey(), MigrationListener.NONE);
        groupCommit = new GroupCommitImpl(countingTransactions());
    }

    @AfterEach
    void close() throws Exception {
        writers.shutdownNow();
        writers.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        db.close();
    }

    /** The real database's transactions, counted. */
    private TransactionManager countingTransactions() {
        return new TransactionManager() {
            @Override
            public Transaction startTransaction(boolean readOnly) throws DbException {
                transactions.incrementAndGet();
                return db.startTransaction(readOnly);
            }

            @Override
            public void commitTransaction(Transaction txn) throws DbException {
                db.commitTransaction(txn);
            }

            @Override
            public void endTransaction(Transaction txn) {
                db.endTransaction(txn);
            }
        };
    }

    @Test
    void aTaskAloneRunsInATransactionOfItsOwnAndReturnsItsResult() throws Exception {
        String result = groupCommit.write(txn -> {
            db.mergeSettings(txn, Settings.EMPTY.with("alone", "yes"), NAMESPACE);
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(transactions).hasValue(1);
        assertThat(stored()).containsEntry("alone", "yes");
    }

    @Test
    void tasksQueuedWhileTheLockIsHeldShareOneTransaction() throws Exception {
        List<Future<Integer>> results = whileTheWriteLockIsHeld(i -> txn -> {
            db.mergeSettings(txn, Settings.EMPTY.with("key" + i, "value" + i), NAMESPACE);
            return i;
        });

        for (int i = 0; i < WRITERS; i++) assertThat(result(results.get(i))).isEqualTo(i);
        // The first to find the queue idle takes only its own task; the rest wait for it and go together.
        assertThat(transactions.get()).as("transactions for %d tasks", WRITERS).isLessThanOrEqualTo(2);
        for (int i = 0; i < WRITERS; i++) assertThat(stored()).containsEntry("key" + i, "value" + i);
    }

    @Test
    void aTaskThatThrowsLosesOnlyItsOwnWriteAndItsCallerGetsTheException() throws Exception {
        int failing = WRITERS - 1;
        List<Future<Integer>> results = whileTheWriteLockIsHeld(i -> txn -> {
            db.mergeSettings(txn, Settings.EMPTY.with("key" + i, "value" + i), NAMESPACE);
            if (i == failing) throw new IllegalStateException("task " + i + " fails");
            return i;
        });

        for (int i = 0; i < failing; i++) assertThat(result(results.get(i))).isEqualTo(i);
        assertThat(outcome(results.get(failing))).isInstanceOf(IllegalStateException.class)
                .hasMessage("task " + failing + " fails");
        for (int i = 0; i < failing; i++) assertThat(stored()).containsEntry("key" + i, "value" + i);
        assertThat(stored()).doesNotContainKey("key" + failing);
    }

    /**
     * After a shared transaction, a writer that finds the queue idle waits for more before it runs (here for as long
     * as the test allows, so only a full batch can end the wait): writers that come meanwhile join its transaction.
     */
    @Test
    void afterASharedTransactionTheNextLeaderGathersTheWritersStillComing() throws Exception {
        groupCommit = new GroupCommitImpl(countingTransactions(), TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS));
        for (Future<Integer> f : whileTheWriteLockIsHeld(i -> txn -> i)) result(f);
        int before = transactions.get();

        ExecutorService batch = Executors.newFixedThreadPool(GroupCommitImpl.MAX_TASKS);
        try {
            AtomicReference<Thread> leader = new AtomicReference<>();
            Future<Integer> first = batch.submit(() -> {
                leader.set(Thread.currentThread());
                return groupCommit.write(txn -> -1);
            });
            awaitState(leader, Thread.State.TIMED_WAITING);
            List<Future<Integer>> rest = new ArrayList<>();
            for (int i = 1; i < GroupCommitImpl.MAX_TASKS; i++) {
                int n = i;
                rest.add(batch.submit(() -> groupCommit.write(txn -> n)));
            }

            assertThat(result(first)).isEqualTo(-1);
            for (int i = 1; i < GroupCommitImpl.MAX_TASKS; i++) assertThat(result(rest.get(i - 1))).isEqualTo(i);
            assertThat(transactions.get() - before).as("transactions for a full batch").isEqualTo(1);
        } finally {
            batch.shutdownNow();
        }
    }

    private static void awaitState(AtomicReference<Thread> thread, Thread.State state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (thread.get() == null || thread.get().getState() != state) {
            if (System.nanoTime() > deadline) throw new AssertionError("The leader did not start to gather");
            Thread.sleep(10);
        }
    }

    /** A task per writer, numbered; each writes in its own way. */
    @FunctionalInterface
    private interface TaskMaker {
        DbCallable<Integer, RuntimeException> task(int i);
    }

    /**
     * Submits the writers' tasks while this thread holds a write transaction, and releases it once every writer
     * waits (one for the lock, the others for it), so they all queue before any runs.
     */
    private List<Future<Integer>> whileTheWriteLockIsHeld(TaskMaker tasks) throws Exception {
        List<Future<Integer>> results = new ArrayList<>();
        Transaction blocker = db.startTransaction(false);
        try {
            for (int i = 0; i < WRITERS; i++) {
                int n = i;
                Callable<Integer> write = () -> {
                    synchronized (writerThreads) {
                        writerThreads.add(Thread.currentThread());
                    }
                    return groupCommit.write(tasks.task(n));
                };
                results.add(writers.submit(write));
            }
            awaitAllWaiting();
        } finally {
            db.endTransaction(blocker);
        }
        return results;
    }

    private void awaitAllWaiting() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            synchronized (writerThreads) {
                if (writerThreads.size() == WRITERS && writerThreads.stream()
                        .allMatch(t -> t.getState() == Thread.State.WAITING)) {
                    return;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("The writers did not all wait within " + TIMEOUT_SECONDS + " s");
    }

    private static Integer result(Future<Integer> future) throws Exception {
        return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static Throwable outcome(Future<?> future) throws Exception {
        try {
            future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    private Map<String, String> stored() throws DbException {
        return db.transactionWithResult(true, txn -> db.getSettings(txn, NAMESPACE)).values();
    }
}
