package org.thicket.bramble.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.thicket.bramble.sync.api.SyncConstants;

/**
 * When an unacked message is due again: after a round trip over the transport it went out on, doubled for every
 * earlier transmission, so a contact that stays away costs fewer and fewer retransmissions. The database computes
 * it, from the status's own transmission count, in the statement that records a transmission ({@link StatusTable}):
 * reading the count first was a second statement per message sent.
 */
final class ExponentialBackoff {

    /**
     * The doubling stops here. 2 * MAX_TRANSPORT_LATENCY (under 2^36 ms) shifted left by 20 stays far below 2^63,
     * and 2^20 round trips of even one second are twelve days, so larger exponents would change nothing useful.
     */
    static final int MAX_EXPONENT = 20;

    private static final String DELAY = "LSHIFT(CAST(? AS BIGINT), LEAST(txCount, " + MAX_EXPONENT + "))";

    /**
     * The expiry of a transmission now, over the column {@code txCount} (transmissions before this one): now + 2 *
     * maxLatency * 2^min(txCount, MAX_EXPONENT), saturating at Long.MAX_VALUE. Its parameters are bound by
     * {@link #bind}.
     */
    static final String EXPIRY = "CASE WHEN ? > " + Long.MAX_VALUE + " - " + DELAY + " THEN " + Long.MAX_VALUE
            + " ELSE ? + " + DELAY + " END";

    private ExponentialBackoff() {
    }

    /** Binds {@link #EXPIRY}'s four parameters from index {@code first}; returns the index after them. */
    static int bind(PreparedStatement ps, int first, long now, long maxLatency) throws SQLException {
        if (now < 0) throw new IllegalArgumentException("Negative time " + now);
        checkLatency(maxLatency);
        long delay = 2 * maxLatency;
        ps.setLong(first, now);
        ps.setLong(first + 1, delay);
        ps.setLong(first + 2, now);
        ps.setLong(first + 3, delay);
        return first + 4;
    }

    static void checkLatency(long maxLatency) {
        if (maxLatency <= 0 || maxLatency > SyncConstants.MAX_TRANSPORT_LATENCY) {
            throw new IllegalArgumentException("A maximum latency is 1 to " + SyncConstants.MAX_TRANSPORT_LATENCY
                    + " ms, not " + maxLatency);
        }
    }
}
