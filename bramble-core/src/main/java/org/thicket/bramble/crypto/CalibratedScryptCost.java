package org.thicket.bramble.crypto;

import jakarta.inject.Inject;
import java.util.function.IntToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.crypto.api.ScryptCost;

/**
 * The scrypt N that takes about a second on this machine (specs/account.md): starting at 256, N doubles while
 * one derivation at the current N takes at most 500 ms, while it stays at or below 2^20, and while
 * 128 * N * r stays below half the maximum heap. Measured on first use, then cached in this instance, which the
 * module binds as a singleton: each injector (one per signed-in account session) calibrates at most once, and only
 * when a password is set, since sign-in reads N from the key file.
 */
final class CalibratedScryptCost implements ScryptCost {

    private static final Logger LOG = LoggerFactory.getLogger(CalibratedScryptCost.class);

    static final int START_N = 256;
    static final long HALF_TARGET_NANOS = 500_000_000L;

    private final IntToLongFunction trialNanos;
    private final long maxHeapBytes;
    private int calibrated;

    @Inject
    CalibratedScryptCost() {
        this(CalibratedScryptCost::timeOneDerivation, Runtime.getRuntime().maxMemory());
    }

    /** @param trialNanos how long one derivation at a given N takes, in nanoseconds */
    CalibratedScryptCost(IntToLongFunction trialNanos, long maxHeapBytes) {
        this.trialNanos = trialNanos;
        this.maxHeapBytes = maxHeapBytes;
    }

    @Override
    public synchronized int n() {
        if (calibrated == 0) calibrated = calibrate();
        return calibrated;
    }

    private int calibrate() {
        int n = START_N;
        while (n < MAX_N && Scrypt.memoryBytes(2L * n) < maxHeapBytes / 2
                && trialNanos.applyAsLong(n) <= HALF_TARGET_NANOS) {
            n *= 2;
        }
        LOG.info("Calibrated scrypt cost N = {}", n);
        return n;
    }

    private static long timeOneDerivation(int n) {
        long start = System.nanoTime();
        Scrypt.deriveKey(new byte[0], new byte[32], n);
        return System.nanoTime() - start;
    }
}
