package org.thicket.bramble.rendezvous;

import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.thicket.bramble.crypto.api.CryptoComponent;
import org.thicket.bramble.crypto.api.KeyPair;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.plugin.api.KeyMaterialSource;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.rendezvous.api.RendezvousCrypto;
import org.thicket.bramble.transport.api.TransportCrypto;

/** The rendezvous key schedule over the labelled KDF and the handshake-mode static master key. */
final class RendezvousCryptoImpl implements RendezvousCrypto {

    private final CryptoComponent crypto;
    private final TransportCrypto transportCrypto;

    @Inject
    RendezvousCryptoImpl(CryptoComponent crypto, TransportCrypto transportCrypto) {
        this.crypto = crypto;
        this.transportCrypto = transportCrypto;
    }

    @Override
    public SecretKey deriveRendezvousKey(PublicKey theirHandshakePublicKey, KeyPair ourHandshakeKeyPair)
            throws GeneralSecurityException {
        SecretKey staticMasterKey = transportCrypto.deriveStaticMasterKey(theirHandshakePublicKey, ourHandshakeKeyPair);
        try {
            return crypto.deriveKey(RENDEZVOUS_KEY_LABEL, staticMasterKey, new byte[] {PROTOCOL_VERSION});
        } finally {
            staticMasterKey.wipe();
        }
    }

    @Override
    public KeyMaterialSource createKeyMaterialSource(SecretKey rendezvousKey, TransportId t) {
        SecretKey sourceKey = crypto.deriveKey(KEY_MATERIAL_LABEL, rendezvousKey,
                t.value().getBytes(StandardCharsets.UTF_8));
        try {
            return new Salsa20KeyMaterialSource(sourceKey);
        } finally {
            sourceKey.wipe();
        }
    }
}
