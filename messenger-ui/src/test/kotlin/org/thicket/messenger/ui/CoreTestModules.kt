package org.thicket.messenger.ui

import com.google.inject.Module
import org.thicket.bramble.crypto.api.ScryptCost
import org.thicket.bramble.system.api.Clock

/** Overrides of the real core's bindings for tests that run it. */
internal object CoreTestModules {
    /** A cheap scrypt N, so that creating an account takes milliseconds instead of a calibrated second. */
    val cheapScrypt = Module { it.bind(ScryptCost::class.java).toInstance(ScryptCost.fixed(1024)) }

    /** A clock before [Clock.MIN_REASONABLE_TIME_MS]: the lifecycle refuses to start. */
    val wrongClock = Module { it.bind(Clock::class.java).toInstance(Clock { 0L }) }
}
