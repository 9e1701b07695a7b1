package org.thicket.bramble.keyagreement;

import static org.thicket.bramble.keyagreement.api.KeyAgreementConstants.COMMIT_LENGTH;
import static org.thicket.bramble.keyagreement.api.KeyAgreementConstants.LABEL_COMMIT;
import static org.thicket.bramble.keyagreement.api.KeyAgreementConstants.LABEL_CONFIRMATION_KEY;
import static org.thicket.bramble.keyagreement.api.KeyAgreementConstants.LABEL_CONFIRMATION_MAC;
import static org.thicket.bramble.keyagreement.api.KeyAgreementConstants.LABEL_MASTER_KEY;
import static org.thicket.bramble.keyagreement.api.KeyAgreementConstants.LABEL_SHARED_SECRET;
import static org.thicket.bramble.keyagreement.api.KeyAgreementConstants.PROTOCOL_VERSION;

import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.thicket.bramble.crypto.api.CryptoComponent;
import org.thicket.bramble.crypto.api.KeyPair;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.crypto.api.SecretKey;

/** The derivations of BQP (specs/bqp.md, "Keys"), each from its label. */
final class KeyAgreementCrypto {

    private final CryptoComponent crypto;

    @Inject
    KeyAgreementCrypto(CryptoComponent crypto) {
        this.crypto = crypto;
    }

    /** The first 16 bytes of H(COMMIT, publicKey). */
    byte[] commitment(PublicKey publicKey) {
        return Arrays.copyOf(crypto.hash(LABEL_COMMIT, publicKey.getEncoded()), COMMIT_LENGTH);
    }

    /**
     * H(SHARED_SECRET, X25519, [4], alicePublic, bobPublic): a secret the caller wipes.
     *
     * @throws GeneralSecurityException if their key is of small order (an all-zero X25519 output)
     */
    byte[] sharedSecret(PublicKey theirPublicKey, KeyPair ourKeyPair, boolean alice)
            throws GeneralSecurityException {
        byte[] ours = ourKeyPair.publicKey().getEncoded();
        byte[] theirs = theirPublicKey.getEncoded();
        return crypto.deriveSharedSecret(LABEL_SHARED_SECRET, theirPublicKey, ourKeyPair,
                new byte[] {(byte) PROTOCOL_VERSION}, alice ? ours : theirs, alice ? theirs : ours);
    }

    /**
     * The confirmation MAC sent by one side: MAC(CONFIRMATION_MAC, deriveKey(CONFIRMATION_KEY, s), its payload,
     * its public key, the other's payload, the other's public key), payloads as encoded in the QR codes.
     */
    byte[] confirmationMac(byte[] sharedSecret, byte[] senderPayload, PublicKey senderKey, byte[] otherPayload,
            PublicKey otherKey) {
        SecretKey confirmationKey = deriveFromSecret(LABEL_CONFIRMATION_KEY, sharedSecret);
        try {
            return crypto.mac(LABEL_CONFIRMATION_MAC, confirmationKey, senderPayload, senderKey.getEncoded(),
                    otherPayload, otherKey.getEncoded());
        } finally {
            confirmationKey.wipe();
        }
    }

    /** deriveKey(MASTER_SECRET, s). */
    SecretKey masterKey(byte[] sharedSecret) {
        return deriveFromSecret(LABEL_MASTER_KEY, sharedSecret);
    }

    private SecretKey deriveFromSecret(String label, byte[] sharedSecret) {
        SecretKey s = new SecretKey(sharedSecret);
        try {
            return crypto.deriveKey(label, s);
        } finally {
            s.wipe();
        }
    }
}
