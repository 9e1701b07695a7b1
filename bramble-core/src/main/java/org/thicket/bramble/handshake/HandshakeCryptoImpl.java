package org.thicket.bramble.handshake;

import static org.thicket.bramble.handshake.api.HandshakeConstants.ALICE_PROOF_LABEL;
import static org.thicket.bramble.handshake.api.HandshakeConstants.BOB_PROOF_LABEL;
import static org.thicket.bramble.handshake.api.HandshakeConstants.MASTER_KEY_LABEL_0_1;

import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.thicket.bramble.crypto.api.CryptoComponent;
import org.thicket.bramble.crypto.api.KeyPair;
import org.thicket.bramble.crypto.api.KeyType;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.handshake.api.HandshakeCrypto;

/**
 * BHP 0.1's derivations. The master key hashes three raw X25519 outputs, which
 * {@link CryptoComponent#deriveSharedSecret} (one output, hashed at once) cannot give, so the agreements are done
 * here with the same all-zero check.
 */
final class HandshakeCryptoImpl implements HandshakeCrypto {

    private final CryptoComponent crypto;

    @Inject
    HandshakeCryptoImpl(CryptoComponent crypto) {
        this.crypto = crypto;
    }

    @Override
    public SecretKey deriveMasterKey(PublicKey theirStaticPublicKey, PublicKey theirEphemeralPublicKey,
            KeyPair ourStaticKeyPair, KeyPair ourEphemeralKeyPair, boolean alice) throws GeneralSecurityException {
        byte[] ee = agree(ourEphemeralKeyPair, theirEphemeralPublicKey);
        // DH(sA, eB) and DH(eA, sB): each side computes them from the halves it holds.
        byte[] staticEphemeral = alice ? agree(ourStaticKeyPair, theirEphemeralPublicKey)
                : agree(ourEphemeralKeyPair, theirStaticPublicKey);
        byte[] ephemeralStatic = alice ? agree(ourEphemeralKeyPair, theirStaticPublicKey)
                : agree(ourStaticKeyPair, theirEphemeralPublicKey);
        byte[] ourStatic = ourStaticKeyPair.publicKey().getEncoded();
        byte[] theirStatic = theirStaticPublicKey.getEncoded();
        byte[] ourEphemeral = ourEphemeralKeyPair.publicKey().getEncoded();
        byte[] theirEphemeral = theirEphemeralPublicKey.getEncoded();
        try {
            return new SecretKey(crypto.hash(MASTER_KEY_LABEL_0_1, ee, staticEphemeral, ephemeralStatic,
                    alice ? ourStatic : theirStatic, alice ? theirStatic : ourStatic,
                    alice ? ourEphemeral : theirEphemeral, alice ? theirEphemeral : ourEphemeral));
        } finally {
            Arrays.fill(ee, (byte) 0);
            Arrays.fill(staticEphemeral, (byte) 0);
            Arrays.fill(ephemeralStatic, (byte) 0);
        }
    }

    @Override
    public byte[] proveOwnership(SecretKey masterKey, boolean alice) {
        return crypto.mac(alice ? ALICE_PROOF_LABEL : BOB_PROOF_LABEL, masterKey);
    }

    @Override
    public boolean verifyOwnership(SecretKey masterKey, boolean alice, byte[] proof) {
        return MessageDigest.isEqual(proveOwnership(masterKey, alice), proof);
    }

    private static byte[] agree(KeyPair ours, PublicKey theirs) throws GeneralSecurityException {
        if (ours.type() != KeyType.AGREEMENT || theirs.getType() != KeyType.AGREEMENT) {
            throw new GeneralSecurityException("Not X25519 keys");
        }
        byte[] scalar = ours.privateKey().getEncoded();
        byte[] shared = new byte[X25519.POINT_SIZE];
        try {
            // A low-order public key forces the all-zero output whatever our key is.
            if (!X25519.calculateAgreement(scalar, 0, theirs.getEncoded(), 0, shared, 0)) {
                throw new GeneralSecurityException("X25519 produced the all-zero shared secret");
            }
            return shared;
        } finally {
            Arrays.fill(scalar, (byte) 0);
        }
    }
}
