package org.thicket.bramble.system;

import org.thicket.bramble.system.api.Clock;

/** The host's wall clock. */
final class SystemClock implements Clock {

    @Override
    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }
}
