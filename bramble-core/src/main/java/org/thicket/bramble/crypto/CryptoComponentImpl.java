package org.thicket.bramble.crypto;

import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.thicket.bramble.crypto.api.CryptoComponent;
import org.thicket.bramble.crypto.api.KeyPair;
import org.thicket.bramble.crypto.api.KeyType;
import org.thicket.bramble.crypto.api.PrivateKey;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.util.Bytes;

/**
 * The labelled primitives of specs/crypto.md on Bouncy Castle's BLAKE2b, X25519 and Ed25519. Stateless apart from
 * the shared SecureRandom (itself thread-safe), so one instance serves all threads.
 */
final class CryptoComponentImpl implements CryptoComponent {

    static final int HASH_LENGTH = 32;
    static final int SIGNATURE_LENGTH = Ed25519.SIGNATURE_SIZE;

    private final SecureRandom random;

    @Inject
    CryptoComponentImpl(SecureRandom random) {
        this.random = random;
    }

    @Override
    public SecretKey generateSecretKey() {
        byte[] key = new byte[SecretKey.LENGTH];
        try {
            random.nextBytes(key);
            return new SecretKey(key);
        } finally {
            Bytes.wipe(key);
        }
    }

    @Override
    public KeyPair generateSignatureKeyPair() {
        byte[] seed = new byte[PrivateKey.LENGTH];
        try {
            Ed25519.generatePrivateKey(random, seed);
            byte[] publicKey = new byte[PublicKey.LENGTH];
            Ed25519.generatePublicKey(seed, 0, publicKey, 0);
            return new KeyPair(new PublicKey(KeyType.SIGNATURE, publicKey), new PrivateKey(KeyType.SIGNATURE, seed));
        } finally {
            Bytes.wipe(seed);
        }
    }

    @Override
    public KeyPair generateAgreementKeyPair() {
        byte[] scalar = new byte[PrivateKey.LENGTH];
        try {
            // Stored clamped; X25519 clamps again on use, so clamped and unclamped scalars are equivalent.
            X25519.generatePrivateKey(random, scalar);
            byte[] publicKey = new byte[PublicKey.LENGTH];
            X25519.generatePublicKey(scalar, 0, publicKey, 0);
            return new KeyPair(new PublicKey(KeyType.AGREEMENT, publicKey), new PrivateKey(KeyType.AGREEMENT, scalar));
        } finally {
            Bytes.wipe(scalar);
        }
    }

    @Override
    public byte[] hash(String label, byte[]... inputs) {
        return digest(new Blake2bDigest(HASH_LENGTH * 8), label, inputs);
    }

    @Override
    public byte[] mac(String label, SecretKey macKey, byte[]... inputs) {
        byte[] key = macKey.getBytes();
        Blake2bDigest blake2b = new Blake2bDigest(key, HASH_LENGTH, null, null);
        Bytes.wipe(key);
        try {
            return digest(blake2b, label, inputs);
        } finally {
            blake2b.clearKey();
        }
    }

    @Override
    public SecretKey deriveKey(String label, SecretKey k, byte[]... inputs) {
        byte[] key = mac(label, k, inputs);
        try {
            return new SecretKey(key);
        } finally {
            Bytes.wipe(key);
        }
    }

    @Override
    public byte[] deriveSharedSecret(String label, PublicKey theirPublicKey, KeyPair ourKeyPair, byte[]... inputs)
            throws GeneralSecurityException {
        requireType(theirPublicKey.getType(), KeyType.AGREEMENT);
        requireType(ourKeyPair.type(), KeyType.AGREEMENT);
        byte[] ourScalar = ourKeyPair.privateKey().getEncoded();
        byte[] theirPoint = theirPublicKey.getEncoded();
        byte[][] hashInputs = new byte[inputs.length + 1][];
        hashInputs[0] = new byte[X25519.POINT_SIZE];
        System.arraycopy(inputs, 0, hashInputs, 1, inputs.length);
        try {
            // A low-order public key forces the all-zero output whatever our key is: refuse it, since the
            // "shared" secret would then be known to everyone.
            if (!X25519.calculateAgreement(ourScalar, 0, theirPoint, 0, hashInputs[0], 0)) {
                throw new GeneralSecurityException("X25519 produced the all-zero shared secret");
            }
            return hash(label, hashInputs);
        } finally {
            Bytes.wipe(ourScalar);
            Bytes.wipe(hashInputs[0]);
        }
    }

    @Override
    public byte[] sign(String label, byte[] message, PrivateKey signingKey) throws GeneralSecurityException {
        requireType(signingKey.getType(), KeyType.SIGNATURE);
        byte[] seed = signingKey.getEncoded();
        try {
            byte[] signed = signedBytes(label, message);
            byte[] signature = new byte[SIGNATURE_LENGTH];
            Ed25519.sign(seed, 0, signed, 0, signed.length, signature, 0);
            return signature;
        } finally {
            Bytes.wipe(seed);
        }
    }

    @Override
    public boolean verifySignature(byte[] signature, String label, byte[] message, PublicKey publicKey)
            throws GeneralSecurityException {
        requireType(publicKey.getType(), KeyType.SIGNATURE);
        if (signature.length != SIGNATURE_LENGTH) {
            throw new GeneralSecurityException("An Ed25519 signature is 64 bytes, not " + signature.length);
        }
        byte[] signed = signedBytes(label, message);
        return Ed25519.verify(signature, 0, publicKey.getEncoded(), 0, signed, 0, signed.length);
    }

    /** uint32 len(label) || label || uint32 len(message) || message, the bytes Ed25519 signs. */
    static byte[] signedBytes(String label, byte[] message) {
        byte[] labelBytes = label.getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[4 + labelBytes.length + 4 + message.length];
        Bytes.writeUint32(labelBytes.length, signed, 0);
        System.arraycopy(labelBytes, 0, signed, 4, labelBytes.length);
        Bytes.writeUint32(message.length, signed, 4 + labelBytes.length);
        System.arraycopy(message, 0, signed, 8 + labelBytes.length, message.length);
        return signed;
    }

    private static byte[] digest(Digest digest, String label, byte[][] inputs) {
        byte[] lengthPrefix = new byte[4];
        updateWithLength(digest, label.getBytes(StandardCharsets.UTF_8), lengthPrefix);
        for (byte[] input : inputs) updateWithLength(digest, input, lengthPrefix);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    private static void updateWithLength(Digest digest, byte[] part, byte[] lengthPrefix) {
        Bytes.writeUint32(part.length, lengthPrefix, 0);
        digest.update(lengthPrefix, 0, lengthPrefix.length);
        digest.update(part, 0, part.length);
    }

    private static void requireType(KeyType actual, KeyType expected) throws GeneralSecurityException {
        if (actual != expected) throw new GeneralSecurityException("Expected a " + expected + " key, not " + actual);
    }
}
