package org.thicket.bramble.plugin.api;

import java.io.IOException;
import java.io.InputStream;

/** The incoming half of a connection: the raw bytes of one BTP stream. */
public interface TransportConnectionReader {

    InputStream getInputStream() throws IOException;

    /**
     * Releases the reader; called once, when the stream has been read or reading failed.
     *
     * @param exception whether reading ended with an error
     * @param recognised whether the stream's tag was recognised, i.e. it was meant for us (a removable-drive plugin
     *        may delete a recognised file)
     */
    void dispose(boolean exception, boolean recognised) throws IOException;
}
