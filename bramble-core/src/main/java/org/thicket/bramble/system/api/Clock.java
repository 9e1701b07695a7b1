package org.thicket.bramble.system.api;

/** Wall-clock time, injectable so tests can move it. */
public interface Clock {

    /** 2021-01-01T00:00:00Z: a clock before this is wrong (no data we can produce is older). */
    long MIN_REASONABLE_TIME_MS = 1_609_459_200_000L;

    /** 2121-01-01T00:00:00Z: a clock after this is wrong. */
    long MAX_REASONABLE_TIME_MS = 4_765_132_800_000L;

    long currentTimeMillis();

    default boolean isReasonable() {
        long now = currentTimeMillis();
        return now >= MIN_REASONABLE_TIME_MS && now <= MAX_REASONABLE_TIME_MS;
    }
}
