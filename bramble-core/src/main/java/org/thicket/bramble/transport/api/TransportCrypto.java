package org.thicket.bramble.transport.api;

import java.security.GeneralSecurityException;
import org.thicket.bramble.crypto.api.KeyPair;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.plugin.api.TransportId;

/** The key schedule of specs/transport-keys.md: rotation mode for contacts, handshake mode for pending contacts. */
public interface TransportCrypto {

    /**
     * Rotation-mode keys for period {@code timePeriod} = P, the period of the contact-exchange timestamp. The keys
     * derived from the root key count as P - 1's, so the previous incoming keys are those and the rest are rotated
     * from them. Outgoing keys use our role's labels, incoming keys the peer's. The root key is not kept.
     */
    TransportKeys deriveRotationKeys(TransportId t, SecretKey rootKey, long timePeriod, boolean alice,
            boolean active);

    /**
     * Handshake-mode keys for period P = {@code timePeriod}, each derived directly from the root key, of which the
     * result keeps a copy. Outgoing keys are active.
     */
    TransportKeys deriveHandshakeKeys(TransportId t, SecretKey rootKey, long timePeriod, boolean alice);

    /**
     * The keys for period {@code timePeriod}, or {@code keys} itself if they are not older. Stepping one period
     * makes the current incoming keys the previous ones and the next ones current, windows and all, and adds fresh
     * next incoming keys and fresh outgoing keys (counter 0, same active flag). Takes ownership of {@code keys}:
     * the result may share key objects with it, and keys that drop out are wiped, so use only the result.
     */
    TransportKeys updateTransportKeys(TransportKeys keys, long timePeriod);

    /**
     * hash(STATIC_MASTER_KEY, X25519(our private, their public), Alice's public, Bob's public), Alice being the
     * party with the smaller public key.
     *
     * @throws GeneralSecurityException if a key is not an X25519 key or the shared secret is all zeros
     */
    SecretKey deriveStaticMasterKey(PublicKey theirHandshakePublicKey, KeyPair ourHandshakeKeyPair)
            throws GeneralSecurityException;

    /** deriveKey(PENDING_CONTACT_ROOT_KEY, or CONTACT_ROOT_KEY if not pending, staticMasterKey). */
    SecretKey deriveHandshakeRootKey(SecretKey staticMasterKey, boolean pendingContact);
}
