package org.thicket.bramble.plugin.api;

import java.io.IOException;

/**
 * A connection carrying one BTP stream each way. Disposing of both halves, or calling {@link #close}, releases the
 * underlying socket.
 */
public interface DuplexTransportConnection {

    TransportConnectionReader getReader();

    TransportConnectionWriter getWriter();

    /** Closes both halves at once, e.g. when the connection is refused or abandoned. */
    void close(boolean exception) throws IOException;
}
