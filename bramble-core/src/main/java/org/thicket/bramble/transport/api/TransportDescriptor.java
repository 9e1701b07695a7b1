package org.thicket.bramble.transport.api;

import static org.thicket.bramble.transport.api.TransportConstants.MAX_CLOCK_DIFFERENCE_MS;
import static org.thicket.bramble.transport.api.TransportConstants.MAX_TRANSPORT_LATENCY_MS;

import org.thicket.bramble.plugin.api.TransportId;

/**
 * A transport the key manager keeps keys for. Plugin modules contribute one each with
 * {@code Multibinder.newSetBinder(binder(), TransportDescriptor.class).addBinding().toInstance(...)}; the key
 * manager reads the set when it starts.
 *
 * @param maxLatencyMs the longest a stream may take to arrive over the transport, e.g. 30 s for Tor, LAN and
 *        Bluetooth, 28 days for removable drives. Both peers must use the same value: it fixes the key periods.
 */
public record TransportDescriptor(TransportId id, long maxLatencyMs) {

    public TransportDescriptor {
        if (maxLatencyMs <= 0 || maxLatencyMs > MAX_TRANSPORT_LATENCY_MS) {
            throw new IllegalArgumentException("A latency is 1 ms to a year: " + maxLatencyMs);
        }
    }

    /** maxLatency + 24 h: the length of one key period. */
    public long periodLengthMs() {
        return maxLatencyMs + MAX_CLOCK_DIFFERENCE_MS;
    }

    /** floor(timeMs / period length): the key period a moment falls in. */
    public long timePeriod(long timeMs) {
        if (timeMs < 0) throw new IllegalArgumentException("A time before 1970: " + timeMs);
        return timeMs / periodLengthMs();
    }
}
