package org.thicket.bramble.plugin.api;

import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.db.api.DbException;

/**
 * Work on a connection that must end in time, whatever the peer does (a read timeout alone lets a peer trickle a
 * byte at a time for ever): when the time is up the watchdog closes the connection, which fails whatever blocks on
 * it, and the failure then says that the time ran out. Once the work is over the watchdog can no longer fire.
 */
public final class ConnectionWatchdog {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionWatchdog.class);

    /** The guarded work. */
    @FunctionalInterface
    public interface Work<R> {
        R run() throws IOException, DbException;
    }

    private ConnectionWatchdog() {
    }

    /**
     * Runs the work, closing the connection (with an error) if it is not over after {@code timeoutMs}.
     *
     * @param what names the work in the timeout's message, e.g. "Contact exchange"
     * @throws IOException "... timed out" if the time ran out, else whatever the work threw
     */
    public static <R> R within(ScheduledExecutorService scheduler, long timeoutMs,
            DuplexTransportConnection connection, String what, Work<R> work) throws IOException, DbException {
        AtomicBoolean over = new AtomicBoolean();
        ScheduledFuture<?> watchdog = scheduler.schedule(() -> {
            if (over.compareAndSet(false, true)) closeQuietly(connection);
        }, timeoutMs, TimeUnit.MILLISECONDS);
        R result;
        try {
            result = work.run();
        } catch (IOException e) {
            if (over.compareAndSet(false, true)) throw e;
            throw new IOException(what + " timed out", e);
        } finally {
            watchdog.cancel(false);
        }
        if (!over.compareAndSet(false, true)) throw new IOException(what + " timed out");
        return result;
    }

    private static void closeQuietly(DuplexTransportConnection connection) {
        try {
            connection.close(true);
        } catch (IOException e) {
            LOG.debug("Closing a connection whose time ran out failed", e);
        }
    }
}
