package org.thicket.bramble.plugin.api;

import java.io.IOException;
import org.thicket.bramble.data.api.BdfList;

/**
 * Waits for the peer of an in-person key agreement (BQP) on one transport. A first cut: the BQP issue refines it.
 */
public interface KeyAgreementListener {

    /** How the peer finds this listener: a BDF list that goes into our QR code, starting with a transport number. */
    BdfList getDescriptor();

    /** Blocks until the peer connects. @throws IOException if the listener fails or is closed */
    DuplexTransportConnection accept() throws IOException;

    /** Stops listening; a blocked {@link #accept} throws. */
    void close();
}
