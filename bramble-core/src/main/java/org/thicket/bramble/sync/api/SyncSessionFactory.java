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

    /** The sessions of one duplex connection to the contact, one each way. */
    DuplexSessions createDuplexSessions(ContactId contactId);
}
