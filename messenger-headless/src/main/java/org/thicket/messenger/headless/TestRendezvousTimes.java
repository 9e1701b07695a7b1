package org.thicket.messenger.headless;

import com.google.inject.Module;
import com.google.inject.multibindings.OptionalBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.rendezvous.api.RendezvousConfig;

/**
 * For tests only: {@code -Dthicket.test.rendezvousMs=POLLING,TIMEOUT} makes BRP try each pending contact every
 * POLLING ms and give it up after TIMEOUT ms, instead of every minute for two days, so that a test of two nodes
 * meets in seconds and can see a link expire. Polling that often costs a real user battery and traffic on every
 * transport: never set it for a real account.
 */
final class TestRendezvousTimes {

    static final String PROPERTY = "thicket.test.rendezvousMs";
    /** Below this a poller would keep a tor busy with attempts that cannot have finished yet. */
    static final long MIN_POLLING_MS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(TestRendezvousTimes.class);

    private TestRendezvousTimes() {
    }

    /** @param value the property's value, or null */
    static Module[] overrides(String value) throws ExitException {
        if (value == null) return new Module[0];
        RendezvousConfig config = parse(value);
        LOG.warn("{}={}: test-only rendezvous times", PROPERTY, value);
        return new Module[] {binder -> OptionalBinder.newOptionalBinder(binder, RendezvousConfig.class).setBinding()
                .toInstance(config)};
    }

    private static RendezvousConfig parse(String value) throws ExitException {
        String[] parts = value.split(",", -1);
        try {
            if (parts.length == 2 && parts[0].matches("[0-9]{1,12}") && parts[1].matches("[0-9]{1,12}")) {
                long polling = Long.parseLong(parts[0]);
                long timeout = Long.parseLong(parts[1]);
                if (polling >= MIN_POLLING_MS && timeout >= polling) return new RendezvousConfig(polling, timeout);
            }
        } catch (IllegalArgumentException e) {
            // Refused below, with the rule.
        }
        throw ExitException.usage(PROPERTY + " must be POLLING,TIMEOUT in milliseconds with " + MIN_POLLING_MS
                + " <= POLLING <= TIMEOUT, not " + value);
    }
}
