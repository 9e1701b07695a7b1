package org.thicket.bramble.transport.api;

import static org.thicket.bramble.transport.api.TransportConstants.MAX_STREAM_NUMBER;

import org.thicket.bramble.crypto.api.SecretKey;

/**
 * The keys a peer's streams of one period are recognised and read with, and the reordering window of that period:
 * the {@link TransportConstants#REORDERING_WINDOW_SIZE} stream numbers from {@code windowBase} on, where bit
 * {@code 31 - i} of {@code windowBitmap} is set once stream number {@code windowBase + i} has been seen.
 */
public record IncomingKeys(SecretKey tagKey, SecretKey headerKey, long timePeriod, long windowBase, int windowBitmap) {

    public IncomingKeys {
        if (timePeriod < 0) throw new IllegalArgumentException("A negative time period: " + timePeriod);
        // The window may have slid one past the last stream number, when it has been seen.
        if (windowBase < 0 || windowBase > MAX_STREAM_NUMBER + 1) {
            throw new IllegalArgumentException("Not a window base: " + windowBase);
        }
    }

    /** Fresh keys: nothing seen yet, the window starts at stream number 0. */
    public IncomingKeys(SecretKey tagKey, SecretKey headerKey, long timePeriod) {
        this(tagKey, headerKey, timePeriod, 0, 0);
    }

    /** Overwrites both keys; they are unusable afterwards. */
    public void wipe() {
        tagKey.wipe();
        headerKey.wipe();
    }
}
