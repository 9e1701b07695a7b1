package org.thicket.bramble.crypto.api;

import java.security.GeneralSecurityException;

/**
 * The labelled primitives every protocol is built from (specs/crypto.md). Each use has its own globally unique
 * label, so an output of one use can never be replayed as an output of another.
 */
public interface CryptoComponent {

    SecretKey generateSecretKey();

    /** A fresh Ed25519 key pair. */
    KeyPair generateSignatureKeyPair();

    /** A fresh X25519 key pair. */
    KeyPair generateAgreementKeyPair();

    /** BLAKE2b-256 over uint32 len(label) || label || (uint32 len(input) || input)*. */
    byte[] hash(String label, byte[]... inputs);

    /** Keyed BLAKE2b-256 over the same encoding as {@link #hash}. */
    byte[] mac(String label, SecretKey macKey, byte[]... inputs);

    /** A new key: {@code mac(label, k, inputs)}. */
    SecretKey deriveKey(String label, SecretKey k, byte[]... inputs);

    /**
     * {@code hash(label, X25519(ours, theirs), inputs...)}.
     *
     * @throws GeneralSecurityException if the keys are not X25519 keys or the raw shared secret is all zeros
     */
    byte[] deriveSharedSecret(String label, PublicKey theirPublicKey, KeyPair ourKeyPair, byte[]... inputs)
            throws GeneralSecurityException;

    /** Ed25519 over uint32 len(label) || label || uint32 len(message) || message (the message is not pre-hashed). */
    byte[] sign(String label, byte[] message, PrivateKey signingKey) throws GeneralSecurityException;

    boolean verifySignature(byte[] signature, String label, byte[] message, PublicKey publicKey)
            throws GeneralSecurityException;
}
