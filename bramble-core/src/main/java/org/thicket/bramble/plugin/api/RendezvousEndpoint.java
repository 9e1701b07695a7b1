package org.thicket.bramble.plugin.api;

import java.io.IOException;

/**
 * A plugin's presence at a rendezvous with one pending contact (BRP): it makes or accepts connections until closed.
 * A first cut: the BRP issue refines it.
 */
public interface RendezvousEndpoint {

    /** The properties the pending contact's device can be reached at, derived from the shared key material. */
    TransportProperties getRemoteTransportProperties();

    /** Stops the rendezvous and releases what it holds. */
    void close() throws IOException;
}
