package org.thicket.bramble.plugin.api;

import java.io.IOException;

/**
 * A plugin's presence at a rendezvous with one pending contact (BRP): it publishes our side of the rendezvous and
 * accepts connections on it until closed, handing them to the handler it was made with. It never connects out
 * itself: BRP's poller does, every polling interval, through the plugin's {@code createConnection} with
 * {@link #getRemoteTransportProperties()}, so one place decides when and how often to try.
 */
public interface RendezvousEndpoint {

    /** The properties the pending contact's device can be reached at, derived from the shared key material. */
    TransportProperties getRemoteTransportProperties();

    /** Stops the rendezvous and releases what it holds. */
    void close() throws IOException;
}
