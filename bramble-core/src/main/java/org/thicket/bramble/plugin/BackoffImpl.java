package org.thicket.bramble.plugin;

import java.util.concurrent.atomic.AtomicInteger;
import org.thicket.bramble.plugin.api.Backoff;

/** n stops growing once the interval reaches the maximum, so it cannot overflow however long nobody answers. */
final class BackoffImpl implements Backoff {

    private final long minIntervalMs;
    private final long maxIntervalMs;
    private final double base;
    private final AtomicInteger polls = new AtomicInteger();

    BackoffImpl(long minIntervalMs, long maxIntervalMs, double base) {
        if (minIntervalMs <= 0 || maxIntervalMs < minIntervalMs || !(base >= 1)) {
            throw new IllegalArgumentException("A backoff needs 0 < min <= max and base >= 1");
        }
        this.minIntervalMs = minIntervalMs;
        this.maxIntervalMs = maxIntervalMs;
        this.base = base;
    }

    @Override
    public long getPollingInterval() {
        return interval(polls.get());
    }

    private long interval(int n) {
        return Math.min(maxIntervalMs, Math.round(minIntervalMs * Math.pow(base, n)));
    }

    @Override
    public void increment() {
        polls.updateAndGet(n -> interval(n) < maxIntervalMs ? n + 1 : n);
    }

    @Override
    public void reset() {
        polls.set(0);
    }
}
