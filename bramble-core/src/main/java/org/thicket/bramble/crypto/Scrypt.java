package org.thicket.bramble.crypto;

import org.bouncycastle.crypto.generators.SCrypt;

/** scrypt with the parameters of specs/account.md: r = 8, p = 1, a 32-byte output. */
final class Scrypt {

    static final int BLOCK_SIZE_R = 8;
    static final int PARALLELISM_P = 1;
    static final int KEY_LENGTH = 32;

    private Scrypt() {
    }

    /** The key derived from {@code password}; the caller wipes it. */
    static byte[] deriveKey(byte[] password, byte[] salt, int n) {
        return SCrypt.generate(password, salt, n, BLOCK_SIZE_R, PARALLELISM_P, KEY_LENGTH);
    }

    /** The memory one derivation with cost {@code n} needs, in bytes: 128 * N * r. */
    static long memoryBytes(long n) {
        return 128L * n * BLOCK_SIZE_R;
    }
}
