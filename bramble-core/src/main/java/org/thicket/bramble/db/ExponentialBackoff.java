package org.thicket.bramble.db;

import org.thicket.bramble.sync.api.SyncConstants;

/**
 * When an unacked message is due again: after a round trip over the transport it went out on, doubled for every
 * earlier transmission, so a contact that stays away costs fewer and fewer retransmissions.
 */
final class ExponentialBackoff {

    /**
     * The doubling stops here. 2 * MAX_TRANSPORT_LATENCY (under 2^36 ms) shifted left by 20 stays far below 2^63,
     * and 2^20 round trips of even one second are twelve days, so larger exponents would change nothing useful.
     */
    static final int MAX_EXPONENT = 20;

    private ExponentialBackoff() {
    }

    /** now + 2 * maxLatency * 2^min(txCount, MAX_EXPONENT), saturating at Long.MAX_VALUE. */
    static long expiry(long now, long maxLatency, int txCount) {
        if (now < 0) throw new IllegalArgumentException("Negative time " + now);
        checkLatency(maxLatency);
        if (txCount < 0) throw new IllegalArgumentException("Negative transmission count " + txCount);
        long delay = (2 * maxLatency) << Math.min(txCount, MAX_EXPONENT);
        return now > Long.MAX_VALUE - delay ? Long.MAX_VALUE : now + delay;
    }

    static void checkLatency(long maxLatency) {
        if (maxLatency <= 0 || maxLatency > SyncConstants.MAX_TRANSPORT_LATENCY) {
            throw new IllegalArgumentException("A maximum latency is 1 to " + SyncConstants.MAX_TRANSPORT_LATENCY
                    + " ms, not " + maxLatency);
        }
    }
}
