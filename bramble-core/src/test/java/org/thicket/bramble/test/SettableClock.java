package org.thicket.bramble.test;

import java.util.concurrent.atomic.AtomicLong;
import org.thicket.bramble.system.api.Clock;

/** A clock that tests set and move by hand; safe to read and move from any thread. */
public final class SettableClock implements Clock {

    /** 2024-01-01T00:00:00Z, well inside the reasonable range. */
    public static final long DEFAULT_TIME_MS = 1_704_067_200_000L;

    private final AtomicLong now;

    /** Starts at {@link #DEFAULT_TIME_MS}. */
    public SettableClock() {
        this(DEFAULT_TIME_MS);
    }

    public SettableClock(long nowMs) {
        now = new AtomicLong(nowMs);
    }

    @Override
    public long currentTimeMillis() {
        return now.get();
    }

    public void set(long nowMs) {
        now.set(nowMs);
    }

    public void advance(long deltaMs) {
        now.addAndGet(deltaMs);
    }
}
