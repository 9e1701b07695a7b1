package org.thicket.bramble.sync.api;

import java.io.InputStream;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.stream.api.StreamWriter;

/**
 * The two sessions of one duplex connection to a contact, made by {@link SyncSessionFactory#createDuplexSessions}.
 * They share what concerns only this connection: the acks for the messages read from it are written to it from
 * memory, not recorded in the database and read back (specs/bsp.md 7.3).
 */
public interface DuplexSessions {

    /** As {@link SyncSessionFactory#createIncomingSession}, reading this connection's stream from the contact. */
    SyncSession createIncomingSession(InputStream in, PriorityHandler priorityHandler);

    /**
     * A session that writes VERSIONS, then PRIORITY if {@code priority} is set (on a connection we opened), then
     * acks, requests and messages whenever they become due, flushing at least every {@code maxIdleTime} ms, until
     * interrupted or until the contact is removed, the transport becomes inactive or the app stops. Acks still owed
     * for this connection's messages when it ends are recorded in the database, for the next connection.
     */
    SyncSession createOutgoingSession(TransportId transportId, long maxLatency, long maxIdleTime,
            StreamWriter streamWriter, Priority priority);
}
