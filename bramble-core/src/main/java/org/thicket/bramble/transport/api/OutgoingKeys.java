package org.thicket.bramble.transport.api;

import static org.thicket.bramble.transport.api.TransportConstants.MAX_STREAM_NUMBER;

import org.thicket.bramble.crypto.api.SecretKey;

/**
 * The keys our streams of one period are written with.
 *
 * @param streamCounter the next stream number to use; {@code 2^32} once every number is used up
 * @param active whether we may write streams with these keys yet (keys made after an introduction wait until the
 *        peer has shown it has them too)
 */
public record OutgoingKeys(SecretKey tagKey, SecretKey headerKey, long timePeriod, long streamCounter,
        boolean active) {

    public OutgoingKeys {
        if (timePeriod < 0) throw new IllegalArgumentException("A negative time period: " + timePeriod);
        if (streamCounter < 0 || streamCounter > MAX_STREAM_NUMBER + 1) {
            throw new IllegalArgumentException("Not a stream counter: " + streamCounter);
        }
    }

    /** Fresh keys: the first stream will be number 0. */
    public OutgoingKeys(SecretKey tagKey, SecretKey headerKey, long timePeriod, boolean active) {
        this(tagKey, headerKey, timePeriod, 0, active);
    }

    public boolean isExhausted() {
        return streamCounter > MAX_STREAM_NUMBER;
    }

    /** Overwrites both keys; they are unusable afterwards. */
    public void wipe() {
        tagKey.wipe();
        headerKey.wipe();
    }
}
