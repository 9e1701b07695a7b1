package org.thicket.bramble.rendezvous.api;

import java.security.GeneralSecurityException;
import org.thicket.bramble.crypto.api.KeyPair;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.plugin.api.KeyMaterialSource;
import org.thicket.bramble.plugin.api.TransportId;

/** The rendezvous key schedule of specs/brp.md: what both sides of a link exchange derive from the two keys. */
public interface RendezvousCrypto {

    String RENDEZVOUS_KEY_LABEL = "org.briarproject.bramble.rendezvous/RENDEZVOUS_KEY";
    String KEY_MATERIAL_LABEL = "org.briarproject.bramble.rendezvous/KEY_MATERIAL";
    /** The one input byte of the rendezvous key derivation: the rendezvous protocol version. */
    byte PROTOCOL_VERSION = 0;

    /**
     * deriveKey(RENDEZVOUS_KEY, staticMasterKey, [0x00]), the static master key being that of the transport keys'
     * handshake mode.
     *
     * @throws GeneralSecurityException if their key is not usable (an all-zero shared secret)
     */
    SecretKey deriveRendezvousKey(PublicKey theirHandshakePublicKey, KeyPair ourHandshakeKeyPair)
            throws GeneralSecurityException;

    /**
     * The Salsa20 keystream (all-zero 8-byte nonce) of deriveKey(KEY_MATERIAL, rendezvousKey, utf8(transportId)),
     * handed out in order. The source keeps its own copy of the derived key.
     */
    KeyMaterialSource createKeyMaterialSource(SecretKey rendezvousKey, TransportId t);
}
