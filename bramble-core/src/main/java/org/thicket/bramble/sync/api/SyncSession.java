package org.thicket.bramble.sync.api;

import java.io.IOException;
import org.thicket.bramble.db.api.DbException;

/**
 * One direction of BSP over one stream (specs/bsp.md, "Sessions"): an incoming session applies the peer's records to
 * the database, an outgoing one writes what the database says is due. A session runs once, on the thread that calls
 * {@link #run}; {@link #interrupt} may be called from any thread.
 */
public interface SyncSession {

    /**
     * Runs until the session ends: an incoming one at the end of the peer's stream, an outgoing simplex one when it
     * has written everything due, an outgoing duplex one when interrupted. An outgoing session ends its stream
     * cleanly before returning normally.
     *
     * @throws org.thicket.bramble.util.FormatException if the peer sent a malformed record; the caller drops the
     *         connection
     * @throws IOException if the stream failed
     */
    void run() throws IOException, DbException;

    /** Asks the session to end soon: an outgoing one finishes its current record and ends its stream. Never blocks. */
    void interrupt();
}
