package org.thicket.bramble.lifecycle.api;

import java.util.concurrent.ExecutorService;
import org.thicket.bramble.crypto.api.SecretKey;

/**
 * Opens the database, prepares it and starts the services, then later stops everything in reverse. It runs one cycle:
 * {@link #startServices} succeeds at most once and nothing starts again after {@link #stopServices}.
 * <p>
 * Contributions normally come from Guice multibindings (see the package documentation of
 * {@code org.thicket.bramble.lifecycle}); the register methods here add to them, after the multibound ones, and
 * must be called before the manager starts or stops.
 */
public interface LifecycleManager {

    /** @throws IllegalStateException if the manager has already started or stopped */
    void registerService(Service service);

    /** @throws IllegalStateException if the manager has already started or stopped */
    void registerOpenDatabaseHook(OpenDatabaseHook hook);

    /** @throws IllegalStateException if the manager has already started or stopped */
    void registerForShutdown(ExecutorService executor);

    /**
     * Checks the clock, opens the database with the key, runs the open-database hooks in one read-write transaction,
     * then starts the services in registration order. Blocks until that is done, which may take long while the
     * database migrates. A failure returns its result without throwing; the caller then calls {@link #stopServices}
     * to close the database and shut down the executors. Must not be called from a service or hook.
     *
     * @param dbKey the database key; not retained, the caller wipes it after this returns
     */
    StartResult startServices(SecretKey dbKey);

    /**
     * Stops the started services in reverse order, shuts down the registered executors and closes the database.
     * Safe to call at any time and from any thread, also before or without a start, and more than once; if a start
     * is in progress this waits for it to finish first.
     */
    void stopServices();

    /**
     * Blocks until the database is open and the hooks have run.
     *
     * @return true once that has happened; false if the manager stopped without getting there
     */
    boolean waitForDatabase() throws InterruptedException;

    /**
     * Blocks until every service has started.
     *
     * @return true once that has happened; false if the manager stopped without getting there
     */
    boolean waitForStartup() throws InterruptedException;

    /** Blocks until {@link #stopServices} has finished. */
    void waitForShutdown() throws InterruptedException;

    LifecycleState getLifecycleState();
}
