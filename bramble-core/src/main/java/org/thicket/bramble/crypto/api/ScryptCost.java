package org.thicket.bramble.crypto.api;

/**
 * The scrypt cost N used for new password encryptions (specs/account.md). Production binds a cost calibrated on
 * this machine; tests bind {@link #fixed} so that they do not spend a second per encryption.
 */
@FunctionalInterface
public interface ScryptCost {

    /** The smallest N a password blob may carry. */
    int MIN_N = 2;
    /** The largest N a password blob may carry: 128 * N * r = 1 GiB of memory at r = 8. */
    int MAX_N = 1 << 20;

    /** N for the next encryption: a power of two between {@link #MIN_N} and {@link #MAX_N}. */
    int n();

    /** Whether {@code n} is an N that a password blob may carry. */
    static boolean isValid(long n) {
        return n >= MIN_N && n <= MAX_N && (n & (n - 1)) == 0;
    }

    /** Always {@code n}, for tests and tools. */
    static ScryptCost fixed(int n) {
        if (!isValid(n)) throw new IllegalArgumentException("Not a valid scrypt N: " + n);
        return () -> n;
    }
}
