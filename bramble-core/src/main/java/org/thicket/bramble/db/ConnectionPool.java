package org.thicket.bramble.db;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.thicket.bramble.db.api.DbException;

/**
 * A fixed set of connections, all opened with the key when the database opens and kept until it closes. H2 wants
 * the file password for every new connection, so a pool that grew on demand would have to keep the key in memory
 * for as long as the database is open; a fixed set lets us wipe it right after opening.
 * <p>
 * Callers take the transaction lock before a connection and give the connection back before releasing the lock.
 * So the write-lock holder always finds every connection idle, and a reader that waits for one waits only for other
 * readers, which never wait for anything: no deadlock.
 */
final class ConnectionPool {

    private final List<Connection> all;
    private final BlockingQueue<Connection> idle;

    ConnectionPool(List<Connection> connections) {
        all = List.copyOf(connections);
        idle = new ArrayBlockingQueue<>(all.size(), false, all);
    }

    Connection take() throws DbException {
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbException("Interrupted while waiting for a database connection", e);
        }
    }

    void release(Connection c) {
        if (!idle.offer(c)) throw new IllegalStateException("A connection was released twice");
    }

    void closeAll() {
        Jdbc.closeAll(all);
    }
}
