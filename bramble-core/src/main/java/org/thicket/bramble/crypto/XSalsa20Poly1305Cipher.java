package org.thicket.bramble.crypto;

import jakarta.inject.Inject;
import java.util.Arrays;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.thicket.bramble.crypto.api.AuthenticatedCipher;
import org.thicket.bramble.crypto.api.DecryptionException;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.util.Bytes;

/**
 * NaCl secretbox (XSalsa20 with Poly1305, tag first) on Bouncy Castle's XSalsa20Engine and Poly1305.
 *
 * <p>Thread safety: the engines are stateful, so each thread keeps its own pair in a ThreadLocal of this
 * instance and re-keys them on every call. That avoids allocating engines per BTP frame while letting any number
 * of threads share the singleton. Key material stays in a thread's engines until its next call; the Poly1305
 * key and tag buffers are wiped after each call.
 */
final class XSalsa20Poly1305Cipher implements AuthenticatedCipher {

    /** XSalsa20's first 32 key-stream bytes become the one-time Poly1305 key, as in NaCl. */
    private static final int POLY1305_KEY_LENGTH = 32;

    private final ThreadLocal<Engines> engines = ThreadLocal.withInitial(Engines::new);

    @Inject
    XSalsa20Poly1305Cipher() {
    }

    @Override
    public int encrypt(SecretKey key, byte[] nonce, byte[] input, int inputOffset, int length,
            byte[] output, int outputOffset) {
        checkRange(input, inputOffset, length);
        checkRange(output, outputOffset, length + MAC_LENGTH);
        Engines e = engines.get();
        try {
            e.start(key, nonce);
            int ciphertextOffset = outputOffset + MAC_LENGTH;
            e.xor(input, inputOffset, length, output, ciphertextOffset);
            // The tag goes in last: it may overlap plaintext that has only now been consumed.
            e.authenticate(output, ciphertextOffset, length);
            System.arraycopy(e.tag, 0, output, outputOffset, MAC_LENGTH);
            return length + MAC_LENGTH;
        } finally {
            e.wipe();
        }
    }

    @Override
    public int decrypt(SecretKey key, byte[] nonce, byte[] input, int inputOffset, int length,
            byte[] output, int outputOffset) throws DecryptionException {
        checkRange(input, inputOffset, length);
        if (length < MAC_LENGTH) throw new DecryptionException("Shorter than the " + MAC_LENGTH + "-byte tag");
        int plaintextLength = length - MAC_LENGTH;
        checkRange(output, outputOffset, plaintextLength);
        Engines e = engines.get();
        try {
            e.start(key, nonce);
            int ciphertextOffset = inputOffset + MAC_LENGTH;
            e.authenticate(input, ciphertextOffset, plaintextLength);
            if (!org.bouncycastle.util.Arrays.constantTimeAreEqual(MAC_LENGTH, e.tag, 0, input, inputOffset)) {
                throw new DecryptionException("Tag does not verify");
            }
            e.xor(input, ciphertextOffset, plaintextLength, output, outputOffset);
            return plaintextLength;
        } finally {
            e.wipe();
        }
    }

    private static void checkRange(byte[] array, int offset, int length) {
        if (offset < 0 || length < 0 || offset > array.length - length) {
            throw new IllegalArgumentException(
                    "Range " + offset + "+" + length + " is outside an array of " + array.length);
        }
    }

    /** One thread's cipher state. */
    private static final class Engines {

        private final XSalsa20Engine salsa = new XSalsa20Engine();
        private final Poly1305 poly1305 = new Poly1305();
        private final byte[] polyKey = new byte[POLY1305_KEY_LENGTH];
        private final byte[] tag = new byte[MAC_LENGTH];

        void start(SecretKey key, byte[] nonce) {
            if (nonce.length != NONCE_LENGTH) throw new IllegalArgumentException("The nonce is 24 bytes");
            byte[] keyBytes = key.getBytes();
            KeyParameter salsaKey = new KeyParameter(keyBytes);
            Bytes.wipe(keyBytes);
            try {
                salsa.init(true, new ParametersWithIV(salsaKey, nonce));
            } finally {
                wipeKey(salsaKey);
            }
            Arrays.fill(polyKey, (byte) 0);
            salsa.processBytes(polyKey, 0, POLY1305_KEY_LENGTH, polyKey, 0);
            KeyParameter macKey = new KeyParameter(polyKey);
            poly1305.init(macKey);
            wipeKey(macKey);
        }

        /** KeyParameter keeps its own copy of the key, and getKey() returns that copy rather than a clone. */
        private static void wipeKey(KeyParameter key) {
            Bytes.wipe(key.getKey());
        }

        /** Continues the key stream from byte 32; safe for any overlap of input and output. */
        void xor(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
            // The engine works front to back, so writing at or before the read position is safe; a forward
            // overlap would overwrite input not yet read, so move the input into place first.
            if (in == out && outOffset > inOffset && outOffset < inOffset + length) {
                System.arraycopy(in, inOffset, out, outOffset, length);
                inOffset = outOffset;
            }
            salsa.processBytes(in, inOffset, length, out, outOffset);
        }

        void authenticate(byte[] ciphertext, int offset, int length) {
            poly1305.update(ciphertext, offset, length);
            poly1305.doFinal(tag, 0);
        }

        void wipe() {
            Arrays.fill(polyKey, (byte) 0);
            Arrays.fill(tag, (byte) 0);
        }
    }
}
