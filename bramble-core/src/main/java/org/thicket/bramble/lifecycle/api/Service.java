package org.thicket.bramble.lifecycle.api;

/** Something that runs while the app runs: started after the database is ready, stopped before it closes. */
public interface Service {

    /** Called once, on the starting thread, after the services registered before this one have started. */
    void startService() throws ServiceException;

    /** Called at most once, after the services registered after this one have stopped. */
    void stopService() throws ServiceException;
}
