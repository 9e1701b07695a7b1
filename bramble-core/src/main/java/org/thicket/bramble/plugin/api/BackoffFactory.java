package org.thicket.bramble.plugin.api;

/** Creates a {@link Backoff} for a plugin. */
public interface BackoffFactory {

    /** The minimum interval of Tor, LAN and Bluetooth: one minute. */
    long STANDARD_MIN_INTERVAL_MS = 60_000;

    /** The maximum interval of Tor, LAN and Bluetooth: ten minutes. */
    long STANDARD_MAX_INTERVAL_MS = 600_000;

    /** The growth per poll of Tor, LAN and Bluetooth. */
    double STANDARD_BASE = 1.2;

    /** @throws IllegalArgumentException unless 0 &lt; minIntervalMs &lt;= maxIntervalMs and base &gt;= 1 */
    Backoff createBackoff(long minIntervalMs, long maxIntervalMs, double base);
}
