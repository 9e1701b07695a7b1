package org.thicket.bramble.plugin.api;

/**
 * A polling interval that grows while polls find nobody and falls back to the minimum when a connection is made:
 * {@code min(max, min * base^n)} milliseconds, where n counts polls since the last connection. Thread-safe.
 */
public interface Backoff {

    /** The current interval in milliseconds, rounded to the nearest millisecond. */
    long getPollingInterval();

    /** Counts a poll: the next interval is longer, unless it is already the maximum. */
    void increment();

    /** Counts a connection: the next interval is the minimum. */
    void reset();
}
