package org.thicket.bramble.sync.api;

import java.io.InputStream;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.stream.api.StreamWriter;

/** Creates the BSP sessions the connection manager runs over BTP streams (specs/bsp.md, "Sessions"). */
public interface SyncSessionFactory {

    /**
     * A session that reads the contact's records from the plaintext of its stream and applies them.
     *
     * @param priorityHandler told the nonce of the PRIORITY record the peer may send once, on a connection it opened;
     *        null on a connection we opened or a simplex one, where a PRIORITY record is a protocol error
     */
    SyncSession createIncomingSession(ContactId contactId, InputStream in, PriorityHandler priorityHandler);

    /**
     * A session that writes VERSIONS, every ack owed and every message due (or, if {@code eager}, every message the
     * contact has not acked), then ends the stream.
     */
    SyncSession createSimplexOutgoingSession(ContactId contactId, TransportId transportId, long maxLatency,
            boolean eager, StreamWriter streamWriter);

    /**
     * A session that writes VERSIONS, then PRIORITY if {@code priority} is set (on a connection we opened), then
     * acks, requests and messages whenever they become due, flushing at least every {@code maxIdleTime} ms, until
     * interrupted or until the contact is removed, the transport becomes inactive or the app stops.
     */
    SyncSession createDuplexOutgoingSession(ContactId contactId, TransportId transportId, long maxLatency,
            long maxIdleTime, StreamWriter streamWriter, Priority priority);
}
