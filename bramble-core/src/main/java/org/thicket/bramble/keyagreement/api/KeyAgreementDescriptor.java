package org.thicket.bramble.keyagreement.api;

import java.util.Objects;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.plugin.api.TransportId;

/**
 * How the peer reaches one of our key-agreement listeners: the transport, and the plugin's BDF descriptor, which
 * starts with the transport's number (0 Bluetooth, 1 LAN) and goes into the QR code as it is.
 */
public record KeyAgreementDescriptor(TransportId transportId, BdfList descriptor) {

    public KeyAgreementDescriptor {
        Objects.requireNonNull(transportId);
        descriptor = new BdfList(descriptor);
        if (descriptor.isEmpty()) throw new IllegalArgumentException("A descriptor starts with a transport number");
    }

    /** A copy: the list is mutable. */
    @Override
    public BdfList descriptor() {
        return new BdfList(descriptor);
    }
}
