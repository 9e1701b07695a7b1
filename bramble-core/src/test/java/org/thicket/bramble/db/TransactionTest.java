package org.thicket.bramble.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thicket.bramble.db.TestData.database;
import static org.thicket.bramble.db.TestData.randomKey;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.DbRunnable;
import org.thicket.bramble.db.api.MigrationListener;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.settings.api.Settings;
import org.thicket.bramble.settings.api.SettingsUpdatedEvent;
import org.thicket.bramble.test.CapturingEventBus;

class TransactionTest {

    private static final long TIMEOUT_SECONDS = 10;

    @TempDir
    Path dir;

    private final CapturingEventBus bus = new CapturingEventBus();
    private DatabaseComponentImpl db;
    private final List<Thread> threads = new ArrayList<>();

    @BeforeEach
    void open() throws DbException {
        db = database(dir, bus);
        db.open(randomKey(), MigrationListener.NONE);
    }

    @AfterEach
    void close() throws Exception {
        for (Thread t : threads) {
            t.interrupt();
            t.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        }
        db.close();
    }

    @Test
    void eventsAreBroadcastInOrderAfterCommit() throws DbException {
        Event first = new TestEvent(1);
        Event second = new TestEvent(2);
        db.transaction(false, txn -> {
            txn.attach(first);
            db.mergeSettings(txn, Settings.EMPTY.with("k", "v"), "ns");
            txn.attach(second);
            assertThat(bus.events()).isEmpty();
        });
        assertThat(bus.events()).containsExactly(first,
                new SettingsUpdatedEvent("ns", Settings.EMPTY.with("k", "v")), second);
    }

    @Test
    void eventsAreBroadcastOnlyAfterTheLockIsReleased() throws DbException {
        List<Boolean> listenerCouldRead = new ArrayList<>();
        bus.addListener(e -> listenerCouldRead.add(readSettingOnThisThread()));
        db.transaction(false, txn -> db.mergeSettings(txn, Settings.EMPTY.with("k", "v"), "ns"));
        // A listener on the committing thread may start a transaction and sees the committed change.
        assertThat(listenerCouldRead).containsExactly(true);
    }

    private boolean readSettingOnThisThread() {
        try {
            return db.transactionWithResult(true, txn -> "v".equals(db.getSettings(txn, "ns").get("k")));
        } catch (DbException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void rolledBackTransactionBroadcastsNothingAndChangesNothing() throws DbException {
        assertThatThrownBy(() -> db.transaction(false, txn -> {
            txn.attach(new TestEvent(1));
            db.mergeSettings(txn, Settings.EMPTY.with("k", "v"), "ns");
            throw new IOException("the work failed");
        })).isInstanceOf(IOException.class);

        Transaction txn = db.startTransaction(false);
        txn.attach(new TestEvent(2));
        db.endTransaction(txn);

        assertThat(bus.events()).isEmpty();
        Settings stored = db.transactionWithResult(true, t -> db.getSettings(t, "ns"));
        assertThat(stored).isEqualTo(Settings.EMPTY);
    }

    @Test
    void startingATransactionInsideAnotherThrows() throws DbException {
        for (boolean outer : new boolean[] {true, false}) {
            db.transaction(outer, txn -> {
                assertThatThrownBy(() -> db.startTransaction(true)).isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(() -> db.startTransaction(false)).isInstanceOf(IllegalStateException.class);
            });
        }
        // The refused starts leaked no lock: a writer still gets in.
        db.transaction(false, txn -> db.mergeSettings(txn, Settings.EMPTY.with("k", "v"), "ns"));
    }

    @Test
    void aTransactionEndsOnceAndOnlyOnItsOwnThread() throws Exception {
        Transaction txn = db.startTransaction(true);
        FutureTask<Void> otherThread = new FutureTask<>(() -> {
            db.endTransaction(txn);
            return null;
        });
        start(otherThread);
        assertThatThrownBy(() -> otherThread.get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class);
        db.endTransaction(txn);
        assertThatThrownBy(() -> db.endTransaction(txn)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void readOnlyTransactionsRefuseChanges() throws DbException {
        db.transaction(true, txn -> {
            assertThatThrownBy(() -> db.mergeSettings(txn, Settings.EMPTY.with("k", "v"), "ns"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> txn.attach(new TestEvent(1))).isInstanceOf(IllegalStateException.class);
        });
    }

    @Test
    void readersShareTheLockAndAWaitingWriterGoesBeforeLaterReaders() throws Exception {
        CountDownLatch readersInside = new CountDownLatch(2);
        CountDownLatch releaseReaders = new CountDownLatch(1);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        DbRunnable<InterruptedException> holdingReader = txn -> {
            readersInside.countDown();
            assertThat(releaseReaders.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            order.add("reader");
        };
        FutureTask<Void> reader1 = task(true, holdingReader);
        FutureTask<Void> reader2 = task(true, holdingReader);
        start(reader1);
        start(reader2);
        // Both readers are inside their transactions at the same time.
        assertThat(readersInside.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();

        FutureTask<Void> writer = task(false, txn -> order.add("writer"));
        Thread writerThread = start(writer);
        awaitTrue(() -> db.transactionManager().isWaiting(writerThread));
        FutureTask<Void> lateReader = task(true, txn -> order.add("late reader"));
        Thread lateReaderThread = start(lateReader);
        // The lock is fair: a reader arriving after a waiting writer queues behind it.
        awaitTrue(() -> db.transactionManager().isWaiting(lateReaderThread));
        assertThat(order).isEmpty();

        releaseReaders.countDown();
        for (FutureTask<Void> t : List.of(reader1, reader2, writer, lateReader)) {
            t.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        assertThat(order).containsExactly("reader", "reader", "writer", "late reader");
    }

    private FutureTask<Void> task(boolean readOnly, DbRunnable<? extends Exception> work) {
        return new FutureTask<>(() -> {
            db.transaction(readOnly, work);
            return null;
        });
    }

    private Thread start(Runnable r) {
        Thread t = new Thread(r, "db-test-" + threads.size());
        threads.add(t);
        t.start();
        return t;
    }

    /** Waits, bounded, for a condition another thread makes true; polls because a lock queue has no callback. */
    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("Condition not met in time");
            Thread.sleep(1);
        }
    }

    private record TestEvent(int n) implements Event {
    }
}
