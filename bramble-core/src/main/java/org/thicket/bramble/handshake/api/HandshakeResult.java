package org.thicket.bramble.handshake.api;

import org.thicket.bramble.crypto.api.SecretKey;

/** What a successful handshake agreed: the master key for contact exchange (a secret, wiped by its user) and our role. */
public record HandshakeResult(SecretKey masterKey, boolean alice) {
}
