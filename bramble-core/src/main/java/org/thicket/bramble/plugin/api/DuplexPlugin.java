package org.thicket.bramble.plugin.api;

import org.thicket.bramble.data.api.BdfList;

/**
 * A transport whose connections carry data both ways at once (Tor, LAN, Bluetooth). Besides contact connections it
 * may serve in-person key agreement (BQP) and rendezvous with a pending contact (BRP). Methods that connect may
 * block and are called on I/O threads. Key agreement and rendezvous are optional: by default a plugin supports
 * neither, and a plugin that supports one overrides its two or three methods.
 */
public interface DuplexPlugin extends Plugin {

    /** A connection to the contact with these properties, or null if none could be made. */
    DuplexTransportConnection createConnection(TransportProperties remoteProperties);

    /** Whether this transport can carry BQP, i.e. has a short descriptor that fits in a QR code. */
    default boolean supportsKeyAgreement() {
        return false;
    }

    /**
     * Starts listening for the peer of a key agreement, or returns null if it cannot (or does not support key
     * agreement).
     *
     * @param commitment the hash of our key agreement public key, which a plugin may use to find the listener
     */
    default KeyAgreementListener createKeyAgreementListener(byte[] commitment) {
        return null;
    }

    /**
     * Connects to the listener the peer described in its QR code, or returns null if it cannot.
     *
     * @param commitment the peer's commitment, scanned from its QR code
     * @param descriptor the peer's descriptor for this transport, as {@link KeyAgreementListener#getDescriptor}
     */
    default DuplexTransportConnection createKeyAgreementConnection(byte[] commitment, BdfList descriptor) {
        return null;
    }

    /** Whether this transport can be used to reach a pending contact added by link. */
    default boolean supportsRendezvous() {
        return false;
    }

    /**
     * Starts making and accepting connections with a pending contact, or returns null if it cannot.
     *
     * @param keyMaterial the secret both sides derive from their handshake keys, the source of addresses and keys
     * @param alice our role, which decides who listens and who connects where the transport needs that
     * @param incoming takes each connection the endpoint makes or accepts
     */
    default RendezvousEndpoint createRendezvousEndpoint(KeyMaterialSource keyMaterial, boolean alice,
            ConnectionHandler incoming) {
        return null;
    }
}
