package org.thicket.bramble.plugin.lan;

import java.io.IOException;
import java.net.ServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.KeyAgreementListener;

/** A server socket on a fresh port, waiting for the peer of one key agreement. */
final class LanKeyAgreementListener implements KeyAgreementListener {

    private static final Logger LOG = LoggerFactory.getLogger(LanKeyAgreementListener.class);

    private final BdfList descriptor;
    private final ServerSocket serverSocket;

    LanKeyAgreementListener(BdfList descriptor, ServerSocket serverSocket) {
        this.descriptor = descriptor;
        this.serverSocket = serverSocket;
    }

    /** A copy: BDF lists are mutable, and the descriptor must stay what the QR code says. */
    @Override
    public BdfList getDescriptor() {
        return new BdfList(descriptor);
    }

    @Override
    public DuplexTransportConnection accept() throws IOException {
        DuplexTransportConnection connection = LanPlugin.connection(serverSocket.accept());
        if (connection == null) throw new IOException("Could not set up an accepted LAN socket");
        return connection;
    }

    @Override
    public void close() {
        try {
            serverSocket.close();
        } catch (IOException e) {
            LOG.warn("Closing a LAN key agreement listener failed", e);
        }
    }
}
