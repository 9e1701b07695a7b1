package org.thicket.bramble.connection.api;

/**
 * The registry's handle on a live connection: what it calls to end a redundant one. Identity matters, not equality:
 * register and unregister the same object.
 */
public interface InterruptibleConnection {

    /**
     * Stops our outgoing sync session on the connection, which then ends our stream; the connection closes once the
     * peer, applying the same rule, has ended its stream too. Must not block.
     */
    void interruptOutgoingSession();
}
