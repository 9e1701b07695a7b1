package org.thicket.bramble.plugin.api;

/**
 * Takes connections a plugin has made or accepted. Each method takes ownership: the handler disposes of what it is
 * given. Must not block, so a plugin can hand over a connection from its accept loop.
 */
public interface ConnectionHandler {

    void handleConnection(DuplexTransportConnection connection);

    void handleReader(TransportConnectionReader reader);

    void handleWriter(TransportConnectionWriter writer);
}
