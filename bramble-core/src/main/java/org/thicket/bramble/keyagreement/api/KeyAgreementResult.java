package org.thicket.bramble.keyagreement.api;

import java.util.Objects;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.TransportId;

/**
 * A finished key agreement: the master key, our role, and the connection it ran on, which contact exchange
 * continues on. Whoever receives it owns both: it wipes the key and closes or hands on the connection.
 */
public record KeyAgreementResult(SecretKey masterKey, DuplexTransportConnection connection, TransportId transportId,
        boolean alice) {

    public KeyAgreementResult {
        Objects.requireNonNull(masterKey);
        Objects.requireNonNull(connection);
        Objects.requireNonNull(transportId);
    }
}
