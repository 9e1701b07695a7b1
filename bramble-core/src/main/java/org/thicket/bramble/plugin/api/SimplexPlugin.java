package org.thicket.bramble.plugin.api;

/**
 * A transport that carries data one way per connection: a file on a removable drive, an upload to a mailbox. Methods
 * that connect may block and are called on I/O threads.
 */
public interface SimplexPlugin extends Plugin {

    /**
     * Whether sending costs so little and loses so much that a sender should send everything unacknowledged each
     * time rather than wait for retransmission times (a removable drive, for example).
     */
    boolean isLossyAndCheap();

    /** A reader for data from the contact with these properties, or null if there is none. */
    TransportConnectionReader createReader(TransportProperties remoteProperties);

    /** A writer for data to the contact with these properties, or null if none could be made. */
    TransportConnectionWriter createWriter(TransportProperties remoteProperties);
}
