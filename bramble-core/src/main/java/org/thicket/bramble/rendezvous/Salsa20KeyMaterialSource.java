package org.thicket.bramble.rendezvous;

import java.util.Arrays;
import org.bouncycastle.crypto.engines.Salsa20Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.plugin.api.KeyMaterialSource;

/** The Salsa20 keystream of a 32-byte key with an all-zero 8-byte nonce, handed out in consecutive pieces. */
final class Salsa20KeyMaterialSource implements KeyMaterialSource {

    /** Plugins take a few dozen bytes; the limit only keeps a buggy caller from asking for gigabytes. */
    static final int MAX_REQUEST_BYTES = 1024;

    private final Salsa20Engine salsa20 = new Salsa20Engine(); // guarded by this

    Salsa20KeyMaterialSource(SecretKey key) {
        byte[] keyBytes = key.getBytes();
        try {
            salsa20.init(true, new ParametersWithIV(new KeyParameter(keyBytes), new byte[8]));
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
        }
    }

    @Override
    public synchronized byte[] getKeyMaterial(int length) {
        if (length < 0 || length > MAX_REQUEST_BYTES) {
            throw new IllegalArgumentException("Key material comes in pieces of 0 to " + MAX_REQUEST_BYTES + " bytes");
        }
        byte[] zeros = new byte[length];
        byte[] keystream = new byte[length];
        salsa20.processBytes(zeros, 0, length, keystream, 0);
        return keystream;
    }
}
