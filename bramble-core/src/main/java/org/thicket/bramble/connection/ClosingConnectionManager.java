package org.thicket.bramble.connection;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.connection.api.ConnectionManager;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.TransportConnectionReader;
import org.thicket.bramble.plugin.api.TransportConnectionWriter;
import org.thicket.bramble.plugin.api.TransportId;

/**
 * The connection manager until BTP and BSP sessions are wired to connections (the connection-manager issue replaces
 * this binding): nothing can be spoken over a connection yet, so each is released at once, freeing the plugin's
 * socket or file.
 */
final class ClosingConnectionManager implements ConnectionManager {

    private static final Logger LOG = LoggerFactory.getLogger(ClosingConnectionManager.class);

    @FunctionalInterface
    private interface Release {
        void run() throws IOException;
    }

    @Override
    public void manageIncomingConnection(TransportId transportId, DuplexTransportConnection connection) {
        release("an incoming connection", transportId, () -> connection.close(false));
    }

    @Override
    public void manageIncomingConnection(TransportId transportId, TransportConnectionReader reader) {
        release("an incoming stream", transportId, () -> reader.dispose(false, false));
    }

    @Override
    public void manageOutgoingConnection(ContactId contactId, TransportId transportId,
            DuplexTransportConnection connection) {
        release("an outgoing connection", transportId, () -> connection.close(false));
    }

    @Override
    public void manageOutgoingConnection(ContactId contactId, TransportId transportId,
            TransportConnectionWriter writer) {
        release("an outgoing stream", transportId, () -> writer.dispose(false));
    }

    private static void release(String what, TransportId transportId, Release release) {
        LOG.info("No sync sessions yet: releasing {} over {}", what, transportId.value());
        try {
            release.run();
        } catch (IOException e) {
            LOG.warn("Releasing {} over {} failed", what, transportId.value(), e);
        }
    }
}
