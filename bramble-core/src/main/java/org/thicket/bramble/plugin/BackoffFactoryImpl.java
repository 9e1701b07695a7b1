package org.thicket.bramble.plugin;

import org.thicket.bramble.plugin.api.Backoff;
import org.thicket.bramble.plugin.api.BackoffFactory;

final class BackoffFactoryImpl implements BackoffFactory {

    @Override
    public Backoff createBackoff(long minIntervalMs, long maxIntervalMs, double base) {
        return new BackoffImpl(minIntervalMs, maxIntervalMs, base);
    }
}
