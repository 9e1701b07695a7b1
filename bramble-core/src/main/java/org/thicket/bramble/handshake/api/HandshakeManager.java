package org.thicket.bramble.handshake.api;

import java.io.IOException;
import org.thicket.bramble.contact.api.PendingContactId;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.TransportId;

/**
 * Runs BHP 0.1 (specs/bhp.md) with a pending contact over a connection the rendezvous made: one handshake-mode BTP
 * stream each way, ephemeral keys, proofs of ownership of the static keys. Stores nothing. Blocks; call it on an
 * I/O thread without holding a transaction.
 */
public interface HandshakeManager {

    /**
     * Runs the handshake. On success the connection is left open, positioned after both handshake streams, for
     * contact exchange; on failure it is closed with an exception.
     *
     * @throws org.thicket.bramble.util.FormatException if the peer breaks the protocol or fails its proof
     * @throws IOException if the connection fails or there are no handshake keys for the pending contact
     */
    HandshakeResult handshake(PendingContactId p, TransportId t, DuplexTransportConnection connection)
            throws IOException, DbException;
}
