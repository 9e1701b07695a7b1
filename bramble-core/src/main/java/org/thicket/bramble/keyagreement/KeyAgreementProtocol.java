package org.thicket.bramble.keyagreement;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import org.thicket.bramble.crypto.api.KeyPair;
import org.thicket.bramble.crypto.api.KeyType;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.keyagreement.api.KeyAgreementException;
import org.thicket.bramble.keyagreement.api.KeyAgreementException.Reason;
import org.thicket.bramble.util.Bytes;

/**
 * One run of BQP on a connection (specs/bqp.md, "Protocol"): Alice sends her KEY, Bob checks it against her
 * commitment and sends his, Alice checks his; then the CONFIRM MACs, Alice's first, each checked before going on.
 * Whoever detects a failure sends ABORT before giving up. The caller owns and wipes the key pair.
 */
final class KeyAgreementProtocol {

    private final KeyAgreementCrypto crypto;
    private final KeyAgreementTransport transport;
    private final KeyPair ourKeyPair;
    private final byte[] ourPayload;
    private final byte[] theirPayload;
    private final byte[] theirCommitment;
    private final boolean alice;

    /**
     * @param ourPayload our payload as encoded in our QR code
     * @param theirPayload the peer's payload as encoded from what we parsed of its code
     */
    KeyAgreementProtocol(KeyAgreementCrypto crypto, KeyAgreementTransport transport, KeyPair ourKeyPair,
            byte[] ourPayload, byte[] theirPayload, byte[] theirCommitment, boolean alice) {
        this.crypto = crypto;
        this.transport = transport;
        this.ourKeyPair = ourKeyPair;
        this.ourPayload = ourPayload;
        this.theirPayload = theirPayload;
        this.theirCommitment = theirCommitment;
        this.alice = alice;
    }

    /** The master key, the caller's to wipe. */
    SecretKey perform() throws IOException {
        byte[] ourPublicKey = ourKeyPair.publicKey().getEncoded();
        PublicKey theirPublicKey;
        if (alice) {
            transport.sendKey(ourPublicKey);
            theirPublicKey = receiveKey();
        } else {
            theirPublicKey = receiveKey();
            transport.sendKey(ourPublicKey);
        }
        byte[] sharedSecret = sharedSecret(theirPublicKey);
        try {
            byte[] ourConfirm = crypto.confirmationMac(sharedSecret, ourPayload, ourKeyPair.publicKey(),
                    theirPayload, theirPublicKey);
            byte[] theirConfirm = crypto.confirmationMac(sharedSecret, theirPayload, theirPublicKey, ourPayload,
                    ourKeyPair.publicKey());
            if (alice) {
                transport.sendConfirm(ourConfirm);
                checkConfirm(theirConfirm);
            } else {
                checkConfirm(theirConfirm);
                transport.sendConfirm(ourConfirm);
            }
            return crypto.masterKey(sharedSecret);
        } finally {
            Bytes.wipe(sharedSecret);
        }
    }

    private PublicKey receiveKey() throws IOException {
        byte[] key = transport.receiveKey();
        if (key.length != PublicKey.LENGTH) {
            throw abort(Reason.PROTOCOL_ERROR, "A KEY record of " + key.length + " bytes");
        }
        PublicKey publicKey = new PublicKey(KeyType.AGREEMENT, key);
        if (!MessageDigest.isEqual(crypto.commitment(publicKey), theirCommitment)) {
            throw abort(Reason.COMMITMENT_MISMATCH, "The peer's key does not match the commitment in its code");
        }
        return publicKey;
    }

    private byte[] sharedSecret(PublicKey theirPublicKey) throws IOException {
        try {
            return crypto.sharedSecret(theirPublicKey, ourKeyPair, alice);
        } catch (GeneralSecurityException e) {
            throw abort(Reason.PROTOCOL_ERROR, "The peer's key is not usable: " + e.getMessage());
        }
    }

    private void checkConfirm(byte[] expected) throws IOException {
        byte[] received = transport.receiveConfirm();
        if (received.length != expected.length) {
            throw abort(Reason.PROTOCOL_ERROR, "A CONFIRM record of " + received.length + " bytes");
        }
        if (!MessageDigest.isEqual(received, expected)) {
            throw abort(Reason.BAD_CONFIRMATION, "The peer's confirmation MAC is wrong");
        }
    }

    /** Tells the peer we give up (if the connection still works) and returns the failure to throw. */
    private KeyAgreementException abort(Reason reason, String message) {
        try {
            transport.sendAbort();
        } catch (IOException e) {
            // The failure we report is the reason we aborted, not the connection's.
        }
        return new KeyAgreementException(reason, message);
    }
}
