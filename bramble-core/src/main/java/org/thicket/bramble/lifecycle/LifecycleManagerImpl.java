package org.thicket.bramble.lifecycle;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.DataTooNewException;
import org.thicket.bramble.db.api.DataTooOldException;
import org.thicket.bramble.db.api.DatabaseLifecycle;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.MigrationListener;
import org.thicket.bramble.db.api.WrongDatabaseKeyException;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.lifecycle.api.LifecycleEvent;
import org.thicket.bramble.lifecycle.api.LifecycleManager;
import org.thicket.bramble.lifecycle.api.LifecycleState;
import org.thicket.bramble.lifecycle.api.OpenDatabaseHook;
import org.thicket.bramble.lifecycle.api.Service;
import org.thicket.bramble.lifecycle.api.ServiceException;
import org.thicket.bramble.lifecycle.api.ShutdownOnStop;
import org.thicket.bramble.lifecycle.api.StartResult;
import org.thicket.bramble.system.api.Clock;

import static org.thicket.bramble.lifecycle.api.LifecycleState.COMPACTING_DATABASE;
import static org.thicket.bramble.lifecycle.api.LifecycleState.CREATED;
import static org.thicket.bramble.lifecycle.api.LifecycleState.MIGRATING_DATABASE;
import static org.thicket.bramble.lifecycle.api.LifecycleState.RUNNING;
import static org.thicket.bramble.lifecycle.api.LifecycleState.STARTING;
import static org.thicket.bramble.lifecycle.api.LifecycleState.STARTING_SERVICES;
import static org.thicket.bramble.lifecycle.api.LifecycleState.STOPPED;
import static org.thicket.bramble.lifecycle.api.LifecycleState.STOPPING;

/**
 * Start and stop run under one lock, so whichever comes second sees everything the first did: a stop during a start
 * waits for it, and a start after a stop refuses. Registration closes, under its own lock, the moment the first of
 * them begins; from then on the registered lists never change and are read without locking.
 */
final class LifecycleManagerImpl implements LifecycleManager {

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleManagerImpl.class);

    private final DatabaseLifecycle db;
    private final Clock clock;
    private final EventBus eventBus;
    // Providers, not sets: the contributions are built when the lifecycle first needs them, so a contributed
    // service may itself depend on the LifecycleManager without a construction cycle.
    private final Provider<Set<Service>> boundServices;
    private final Provider<Set<OpenDatabaseHook>> boundHooks;
    private final Provider<Set<ExecutorService>> boundExecutors;

    private final Object registrationLock = new Object();
    private final List<Service> registeredServices = new ArrayList<>(); // guarded by registrationLock
    private final List<OpenDatabaseHook> registeredHooks = new ArrayList<>(); // guarded by registrationLock
    private final List<ExecutorService> registeredExecutors = new ArrayList<>(); // guarded by registrationLock
    private Registrations registrations; // guarded by registrationLock; null while registration is open

    private final Object startStopLock = new Object();
    private final Deque<Service> startedServices = new ArrayDeque<>(); // guarded by startStopLock
    private boolean startAttempted; // guarded by startStopLock
    private boolean stopped; // guarded by startStopLock

    private volatile LifecycleState state = CREATED;
    private volatile boolean databaseReady;
    private volatile boolean running;
    private final CountDownLatch databaseLatch = new CountDownLatch(1);
    private final CountDownLatch startupLatch = new CountDownLatch(1);
    private final CountDownLatch shutdownLatch = new CountDownLatch(1);

    @Inject
    LifecycleManagerImpl(DatabaseLifecycle db, Clock clock, EventBus eventBus, Provider<Set<Service>> boundServices,
            Provider<Set<OpenDatabaseHook>> boundHooks,
            @ShutdownOnStop Provider<Set<ExecutorService>> boundExecutors) {
        this.db = db;
        this.clock = clock;
        this.eventBus = eventBus;
        this.boundServices = boundServices;
        this.boundHooks = boundHooks;
        this.boundExecutors = boundExecutors;
    }

    /** What was contributed, multibound first, in registration order; fixed once the lifecycle begins. */
    private record Registrations(List<Service> services, List<OpenDatabaseHook> hooks,
            List<ExecutorService> executors) {
    }

    @Override
    public void registerService(Service service) {
        register(registeredServices, service);
    }

    @Override
    public void registerOpenDatabaseHook(OpenDatabaseHook hook) {
        register(registeredHooks, hook);
    }

    @Override
    public void registerForShutdown(ExecutorService executor) {
        register(registeredExecutors, executor);
    }

    private <T> void register(List<T> list, T contribution) {
        Objects.requireNonNull(contribution);
        synchronized (registrationLock) {
            if (registrations != null) {
                throw new IllegalStateException("Register before the lifecycle starts or stops");
            }
            list.add(contribution);
        }
    }

    /** Called under startStopLock, so the multibound contributions are built once, by whichever comes first. */
    private Registrations closeRegistration() {
        synchronized (registrationLock) {
            if (registrations != null) return registrations;
        }
        List<Service> services = List.copyOf(boundServices.get());
        List<OpenDatabaseHook> hooks = List.copyOf(boundHooks.get());
        List<ExecutorService> executors = List.copyOf(boundExecutors.get());
        synchronized (registrationLock) {
            registrations = new Registrations(concat(services, registeredServices), concat(hooks, registeredHooks),
                    concat(executors, registeredExecutors));
            return registrations;
        }
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    @Override
    public StartResult startServices(SecretKey dbKey) {
        Objects.requireNonNull(dbKey);
        synchronized (startStopLock) {
            if (startAttempted || stopped) return StartResult.ALREADY_RUNNING;
            startAttempted = true;
            return start(dbKey, closeRegistration());
        }
    }

    private StartResult start(SecretKey dbKey, Registrations contributions) {
        if (!clock.isReasonable()) {
            LOG.warn("Not starting: the system clock reads {} ms since the epoch", clock.currentTimeMillis());
            return StartResult.CLOCK_ERROR;
        }
        enter(STARTING);
        StartResult opened = openDatabase(dbKey);
        if (opened != StartResult.SUCCESS) return opened;
        if (!runOpenDatabaseHooks(contributions.hooks())) return StartResult.DB_ERROR;
        databaseReady = true;
        databaseLatch.countDown();
        enter(STARTING_SERVICES);
        if (!startAll(contributions.services())) return StartResult.SERVICE_ERROR;
        running = true;
        enter(RUNNING);
        startupLatch.countDown();
        return StartResult.SUCCESS;
    }

    private StartResult openDatabase(SecretKey dbKey) {
        try {
            boolean created = db.open(dbKey, new StateMigrationListener());
            LOG.info(created ? "Created the database" : "Opened the database");
            return StartResult.SUCCESS;
        } catch (WrongDatabaseKeyException e) {
            LOG.error("The database key does not open the database", e);
            return StartResult.DB_WRONG_KEY_ERROR;
        } catch (DataTooOldException e) {
            LOG.error("The database is too old to migrate", e);
            return StartResult.DATA_TOO_OLD_ERROR;
        } catch (DataTooNewException e) {
            LOG.error("The database was written by a newer version", e);
            return StartResult.DATA_TOO_NEW_ERROR;
        } catch (DbException e) {
            LOG.error("Could not open the database", e);
            return StartResult.DB_ERROR;
        }
    }

    // A hook that throws at run time is as fatal as one that reports a DbException: the transaction rolled back.
    private boolean runOpenDatabaseHooks(List<OpenDatabaseHook> hooks) {
        try {
            db.transaction(false, txn -> {
                for (OpenDatabaseHook hook : hooks) hook.onDatabaseOpened(txn);
            });
            return true;
        } catch (DbException | RuntimeException e) {
            LOG.error("An open-database hook failed", e);
            return false;
        }
    }

    /** Starts in order; on the first failure stops those already started, in reverse, and returns false. */
    private boolean startAll(List<Service> services) {
        for (Service service : services) {
            try {
                service.startService();
            } catch (ServiceException | RuntimeException e) {
                LOG.error("Service {} failed to start", service.getClass().getName(), e);
                stopStartedServices();
                return false;
            }
            startedServices.push(service);
        }
        return true;
    }

    @Override
    public void stopServices() {
        synchronized (startStopLock) {
            if (stopped) return;
            stopped = true;
            Registrations contributions = closeRegistration();
            enter(STOPPING);
            stopStartedServices();
            contributions.executors().forEach(ExecutorService::shutdown);
            closeDatabase();
            enter(STOPPED);
        }
        // Waiters for milestones that were never reached learn so from the flags, instead of blocking for ever.
        databaseLatch.countDown();
        startupLatch.countDown();
        shutdownLatch.countDown();
    }

    private void stopStartedServices() {
        while (!startedServices.isEmpty()) {
            Service service = startedServices.pop();
            try {
                service.stopService();
            } catch (ServiceException | RuntimeException e) {
                // Keep going: the remaining services and the database still need to be shut down cleanly.
                LOG.warn("Service {} failed to stop", service.getClass().getName(), e);
            }
        }
    }

    private void closeDatabase() {
        try {
            db.close();
        } catch (DbException e) {
            LOG.error("Could not close the database", e);
        }
    }

    private void enter(LifecycleState next) {
        state = next;
        LOG.info("Lifecycle state {}", next);
        eventBus.broadcast(new LifecycleEvent(next));
    }

    @Override
    public boolean waitForDatabase() throws InterruptedException {
        databaseLatch.await();
        return databaseReady;
    }

    @Override
    public boolean waitForStartup() throws InterruptedException {
        startupLatch.await();
        return running;
    }

    @Override
    public void waitForShutdown() throws InterruptedException {
        shutdownLatch.await();
    }

    @Override
    public LifecycleState getLifecycleState() {
        return state;
    }

    /** Reports slow database work as lifecycle states; it runs on the starting thread, inside {@link #start}. */
    private final class StateMigrationListener implements MigrationListener {

        @Override
        public void onDatabaseMigration() {
            enter(MIGRATING_DATABASE);
        }

        @Override
        public void onDatabaseCompaction() {
            enter(COMPACTING_DATABASE);
        }
    }
}
