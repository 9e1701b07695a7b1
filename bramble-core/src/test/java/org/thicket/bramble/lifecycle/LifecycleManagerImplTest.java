package org.thicket.bramble.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.DataTooNewException;
import org.thicket.bramble.db.api.DataTooOldException;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.WrongDatabaseKeyException;
import org.thicket.bramble.event.EventModule;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.event.api.EventExecutor;
import org.thicket.bramble.lifecycle.api.LifecycleEvent;
import org.thicket.bramble.lifecycle.api.LifecycleState;
import org.thicket.bramble.lifecycle.api.OpenDatabaseHook;
import org.thicket.bramble.lifecycle.api.Service;
import org.thicket.bramble.lifecycle.api.ServiceException;
import org.thicket.bramble.lifecycle.api.StartResult;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.test.SettableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thicket.bramble.lifecycle.api.LifecycleState.COMPACTING_DATABASE;
import static org.thicket.bramble.lifecycle.api.LifecycleState.CREATED;
import static org.thicket.bramble.lifecycle.api.LifecycleState.MIGRATING_DATABASE;
import static org.thicket.bramble.lifecycle.api.LifecycleState.RUNNING;
import static org.thicket.bramble.lifecycle.api.LifecycleState.STARTING;
import static org.thicket.bramble.lifecycle.api.LifecycleState.STARTING_SERVICES;
import static org.thicket.bramble.lifecycle.api.LifecycleState.STOPPED;
import static org.thicket.bramble.lifecycle.api.LifecycleState.STOPPING;

class LifecycleManagerImplTest {

    private static final long TIMEOUT_SECONDS = 10;
    private static final Event MARKER = new Event() {
    };

    private final Journal journal = new Journal();
    private final FakeDatabase db = new FakeDatabase(journal);
    private final SettableClock clock = new SettableClock();
    private final ExecutorService testThreads = Executors.newCachedThreadPool();
    private final BlockingQueue<Event> heard = new LinkedBlockingQueue<>();
    private ExecutorService eventThread;
    private EventBus eventBus;

    @BeforeEach
    void startEventBus() {
        Injector injector = Guice.createInjector(new EventModule());
        eventThread = (ExecutorService) injector.getInstance(Key.get(Executor.class, EventExecutor.class));
        eventBus = injector.getInstance(EventBus.class);
        eventBus.addListener(heard::add);
    }

    @AfterEach
    void stopThreads() {
        testThreads.shutdownNow();
        eventThread.shutdownNow();
    }

    private LifecycleManagerImpl newManager(Clock managerClock) {
        return new LifecycleManagerImpl(db, managerClock, eventBus, Set::of, Set::of, Set::of);
    }

    private LifecycleManagerImpl newManager() {
        return newManager(clock);
    }

    private static SecretKey key() {
        return new SecretKey(new byte[SecretKey.LENGTH]);
    }

    /** The states broadcast since the last call: everything broadcast before the marker arrives before it. */
    private List<LifecycleState> broadcastStates() throws InterruptedException {
        eventBus.broadcast(MARKER);
        List<LifecycleState> states = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Event e = heard.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(e).as("an event before the timeout").isNotNull();
            if (e == MARKER) return states;
            states.add(((LifecycleEvent) e).state());
        }
        throw new AssertionError("No marker among 100 events");
    }

    private final class RecordingService implements Service {

        private final String name;
        private final boolean fails;

        RecordingService(String name, boolean fails) {
            this.name = name;
            this.fails = fails;
        }

        RecordingService(String name) {
            this(name, false);
        }

        @Override
        public void startService() throws ServiceException {
            journal.add("start " + name);
            if (fails) throw new ServiceException("deliberate failure of " + name);
        }

        @Override
        public void stopService() {
            journal.add("stop " + name);
        }
    }

    /** Journals whether it ran inside the transaction the database has open, and that transaction's kind. */
    private OpenDatabaseHook hook(String name) {
        return txn -> journal.add("hook " + name + (txn == db.current() ? " inside " : " outside ")
                + (txn.isReadOnly() ? "read-only" : "read-write"));
    }

    @Test
    void startRunsHooksInOneReadWriteTransactionThenStartsServicesInOrder() throws Exception {
        LifecycleManagerImpl manager = newManager();
        manager.registerOpenDatabaseHook(hook("A"));
        manager.registerOpenDatabaseHook(hook("B"));
        manager.registerService(new RecordingService("S1"));
        manager.registerService(new RecordingService("S2"));
        manager.registerService(new RecordingService("S3"));

        assertThat(manager.startServices(key())).isEqualTo(StartResult.SUCCESS);

        assertThat(journal.entries()).containsExactly("open", "begin read-write", "hook A inside read-write",
                "hook B inside read-write", "commit", "end", "start S1", "start S2", "start S3");
        assertThat(manager.getLifecycleState()).isEqualTo(RUNNING);
        assertThat(broadcastStates()).containsExactly(STARTING, STARTING_SERVICES, RUNNING);
    }

    @Test
    void stopStopsServicesInReverseShutsDownExecutorsAndClosesTheDatabase() throws Exception {
        LifecycleManagerImpl manager = newManager();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        manager.registerForShutdown(executor);
        manager.registerService(new RecordingService("S1"));
        manager.registerService(new RecordingService("S2"));
        manager.registerService(new RecordingService("S3"));
        manager.startServices(key());
        broadcastStates();

        manager.stopServices();

        assertThat(journal.entries()).endsWith("start S3", "stop S3", "stop S2", "stop S1", "close");
        assertThat(executor.isShutdown()).isTrue();
        assertThat(manager.getLifecycleState()).isEqualTo(STOPPED);
        assertThat(broadcastStates()).containsExactly(STOPPING, STOPPED);
    }

    @Test
    void slowDatabaseWorkShowsAsStates() throws Exception {
        db.reportMigrationAndCompaction();

        assertThat(newManager().startServices(key())).isEqualTo(StartResult.SUCCESS);

        assertThat(broadcastStates()).containsExactly(STARTING, MIGRATING_DATABASE, COMPACTING_DATABASE,
                STARTING_SERVICES, RUNNING);
    }

    static Stream<Arguments> openFailures() {
        return Stream.of(
                Arguments.of(new DbException("deliberate"), StartResult.DB_ERROR),
                Arguments.of(new WrongDatabaseKeyException("deliberate"), StartResult.DB_WRONG_KEY_ERROR),
                Arguments.of(new DataTooOldException("deliberate"), StartResult.DATA_TOO_OLD_ERROR),
                Arguments.of(new DataTooNewException("deliberate"), StartResult.DATA_TOO_NEW_ERROR));
    }

    @ParameterizedTest
    @MethodSource("openFailures")
    void eachOpenFailureHasItsResultAndNothingElseRuns(DbException failure, StartResult expected) throws Exception {
        db.failOpeningWith(failure);
        LifecycleManagerImpl manager = newManager();
        manager.registerOpenDatabaseHook(hook("A"));
        manager.registerService(new RecordingService("S1"));

        assertThat(manager.startServices(key())).isEqualTo(expected);

        assertThat(journal.entries()).containsExactly("open");
        assertThat(broadcastStates()).containsExactly(STARTING);
    }

    @Test
    void aHookThatFailsRollsBackAndStartsNoService() throws Exception {
        LifecycleManagerImpl manager = newManager();
        manager.registerOpenDatabaseHook(hook("A"));
        manager.registerOpenDatabaseHook(txn -> {
            throw new DbException("deliberate");
        });
        manager.registerService(new RecordingService("S1"));

        assertThat(manager.startServices(key())).isEqualTo(StartResult.DB_ERROR);

        assertThat(journal.entries()).containsExactly("open", "begin read-write", "hook A inside read-write", "end");
        assertThat(broadcastStates()).containsExactly(STARTING);
    }

    @Test
    void aHookThatThrowsAtRunTimeIsADatabaseError() {
        LifecycleManagerImpl manager = newManager();
        manager.registerOpenDatabaseHook(txn -> {
            throw new IllegalStateException("deliberate");
        });

        assertThat(manager.startServices(key())).isEqualTo(StartResult.DB_ERROR);
    }

    @ParameterizedTest
    @ValueSource(longs = {Clock.MIN_REASONABLE_TIME_MS - 1, Clock.MAX_REASONABLE_TIME_MS + 1})
    void anUnreasonableClockFailsWithoutTouchingTheDatabase(long now) throws Exception {
        clock.set(now);
        LifecycleManagerImpl manager = newManager();
        manager.registerService(new RecordingService("S1"));

        assertThat(manager.startServices(key())).isEqualTo(StartResult.CLOCK_ERROR);

        assertThat(journal.entries()).isEmpty();
        assertThat(manager.getLifecycleState()).isEqualTo(CREATED);
        assertThat(broadcastStates()).isEmpty();
    }

    @Test
    void aFailingServiceStopsTheOnesStartedBeforeIt() throws Exception {
        LifecycleManagerImpl manager = newManager();
        manager.registerService(new RecordingService("S1"));
        manager.registerService(new RecordingService("S2"));
        manager.registerService(new RecordingService("S3", true));
        manager.registerService(new RecordingService("S4"));

        assertThat(manager.startServices(key())).isEqualTo(StartResult.SERVICE_ERROR);
        assertThat(journal.entries()).endsWith("start S1", "start S2", "start S3", "stop S2", "stop S1");
        assertThat(broadcastStates()).containsExactly(STARTING, STARTING_SERVICES);

        manager.stopServices();

        assertThat(journal.entries()).endsWith("stop S2", "stop S1", "close");
    }

    @Test
    void aServiceThatThrowsAtRunTimeIsAServiceError() {
        LifecycleManagerImpl manager = newManager();
        manager.registerService(new RecordingService("S1"));
        manager.registerService(new Service() {
            @Override
            public void startService() {
                throw new IllegalStateException("deliberate");
            }

            @Override
            public void stopService() {
                journal.add("stopped a service that never started");
            }
        });

        assertThat(manager.startServices(key())).isEqualTo(StartResult.SERVICE_ERROR);
        assertThat(journal.entries()).endsWith("start S1", "stop S1");
    }

    @Test
    void aManagerStartsAtMostOnce() {
        LifecycleManagerImpl manager = newManager();
        assertThat(manager.startServices(key())).isEqualTo(StartResult.SUCCESS);

        assertThat(manager.startServices(key())).isEqualTo(StartResult.ALREADY_RUNNING);

        assertThat(journal.entries()).containsOnlyOnce("open");
    }

    @Test
    void aFailedStartIsNotRetried() {
        clock.set(0);
        LifecycleManagerImpl manager = newManager();
        assertThat(manager.startServices(key())).isEqualTo(StartResult.CLOCK_ERROR);
        clock.set(SettableClock.DEFAULT_TIME_MS);

        assertThat(manager.startServices(key())).isEqualTo(StartResult.ALREADY_RUNNING);
        assertThat(journal.entries()).isEmpty();
    }

    @Test
    void stopWithoutStartIsSafeAndHappensOnce() throws Exception {
        LifecycleManagerImpl manager = newManager();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        manager.registerForShutdown(executor);

        manager.stopServices();
        manager.stopServices();

        assertThat(journal.entries()).containsExactly("close");
        assertThat(executor.isShutdown()).isTrue();
        assertThat(manager.getLifecycleState()).isEqualTo(STOPPED);
        assertThat(broadcastStates()).containsExactly(STOPPING, STOPPED);
        assertThat(manager.startServices(key())).isEqualTo(StartResult.ALREADY_RUNNING);
        assertThat(journal.entries()).containsExactly("close");
    }

    @Test
    void registeringAfterTheLifecycleBeganIsRefused() {
        LifecycleManagerImpl started = newManager();
        started.startServices(key());
        LifecycleManagerImpl stopped = newManager();
        stopped.stopServices();

        for (LifecycleManagerImpl manager : List.of(started, stopped)) {
            assertThatThrownBy(() -> manager.registerService(new RecordingService("late")))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> manager.registerOpenDatabaseHook(hook("late")))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> manager.registerForShutdown(testThreads))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void waitersAreReleasedAtEachMilestone() throws Exception {
        LifecycleManagerImpl manager = newManager();
        Future<Boolean> database = testThreads.submit(manager::waitForDatabase);
        Future<Boolean> startup = testThreads.submit(manager::waitForStartup);
        Future<?> shutdown = testThreads.submit(() -> {
            manager.waitForShutdown();
            return null;
        });
        // Proves the database waiters are free before the services start: this one waits on the starting thread.
        manager.registerService(new Service() {
            @Override
            public void startService() throws ServiceException {
                try {
                    journal.add("database ready for services: " + manager.waitForDatabase());
                } catch (InterruptedException e) {
                    throw new ServiceException("interrupted", e);
                }
            }

            @Override
            public void stopService() {
            }
        });

        assertThat(manager.startServices(key())).isEqualTo(StartResult.SUCCESS);

        assertThat(journal.entries()).contains("database ready for services: true");
        assertThat(database.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(startup.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(shutdown).isNotDone();

        manager.stopServices();

        shutdown.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void waitersForMilestonesNeverReachedLearnSoWhenTheManagerStops() throws Exception {
        LifecycleManagerImpl manager = newManager();
        manager.registerService(new RecordingService("S1", true));
        Future<Boolean> database = testThreads.submit(manager::waitForDatabase);
        Future<Boolean> startup = testThreads.submit(manager::waitForStartup);
        assertThat(manager.startServices(key())).isEqualTo(StartResult.SERVICE_ERROR);
        assertThat(database.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(startup).isNotDone();

        manager.stopServices();

        assertThat(startup.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isFalse();
        manager.waitForShutdown();
    }

    @Test
    void racingStartAndStopLeaveEverythingStoppedExactlyOnce() throws Exception {
        for (int round = 0; round < 200; round++) {
            Journal roundJournal = new Journal();
            FakeDatabase roundDb = new FakeDatabase(roundJournal);
            LifecycleManagerImpl manager =
                    new LifecycleManagerImpl(roundDb, clock, eventBus, Set::of, Set::of, Set::of);
            manager.registerService(new Service() {
                @Override
                public void startService() {
                    roundJournal.add("start");
                }

                @Override
                public void stopService() {
                    roundJournal.add("stop");
                }
            });
            CountDownLatch go = new CountDownLatch(1);
            Future<StartResult> start = testThreads.submit(afterGo(go, () -> manager.startServices(key())));
            Future<?> stop = testThreads.submit(afterGo(go, () -> {
                manager.stopServices();
                return null;
            }));

            go.countDown();
            StartResult result = start.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            stop.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

            if (result == StartResult.SUCCESS) {
                assertThat(roundJournal.entries()).containsExactly("open", "begin read-write", "commit", "end",
                        "start", "stop", "close");
            } else {
                assertThat(result).isEqualTo(StartResult.ALREADY_RUNNING);
                assertThat(roundJournal.entries()).containsExactly("close");
            }
            assertThat(manager.getLifecycleState()).isEqualTo(STOPPED);
        }
    }

    private static <T> Callable<T> afterGo(CountDownLatch go, Callable<T> task) {
        return () -> {
            if (!go.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) throw new AssertionError("No go");
            return task.call();
        };
    }
}
