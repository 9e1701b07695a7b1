package org.thicket.bramble.plugin.api;

import java.io.IOException;
import java.io.OutputStream;

/** The outgoing half of a connection: where one BTP stream is written. */
public interface TransportConnectionWriter {

    /** As {@link Plugin#getMaxLatency} of the transport, in milliseconds. */
    long getMaxLatency();

    /** As {@link Plugin#getMaxIdleTime} of the transport, in milliseconds: how often a writer must send something. */
    long getMaxIdleTime();

    OutputStream getOutputStream() throws IOException;

    /** Releases the writer; called once. @param exception whether writing ended with an error */
    void dispose(boolean exception) throws IOException;
}
