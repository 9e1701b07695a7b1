package org.thicket.bramble.handshake.api;

import org.thicket.bramble.crypto.api.SecretKey;

/**
 * What a successful handshake agreed: the master key for contact exchange (a secret, wiped by whoever uses it) and
 * our role.
 */
public record HandshakeResult(SecretKey masterKey, boolean alice) {
}
