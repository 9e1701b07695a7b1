package org.thicket.bramble.sync.api;

/**
 * Told the nonce of a PRIORITY record the peer sent on a connection it opened, so redundant connections can be
 * resolved (specs/connections.md). Called on the incoming session's thread; must not block.
 */
@FunctionalInterface
public interface PriorityHandler {

    void handlePriority(Priority priority);
}
