package org.thicket.messenger.headless;

import com.google.inject.Module;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.crypto.api.ScryptCost;

/**
 * For tests only: {@code -Dthicket.test.scryptN=N} makes new password encryptions use scrypt cost N instead of the
 * cost calibrated on this machine (about a second of work), so that tests create accounts in milliseconds. A low N
 * makes the password far cheaper to guess from a stolen key file: never set it for a real account.
 */
final class TestScryptCost {

    static final String PROPERTY = "thicket.test.scryptN";
    /** Low enough to be fast, high enough that a test cannot exercise a trivially weak cost by accident. */
    static final int MIN_N = 1024;

    private static final Logger LOG = LoggerFactory.getLogger(TestScryptCost.class);

    private TestScryptCost() {
    }

    /** @param value the property's value, or null */
    static Module[] overrides(String value) throws ExitException {
        if (value == null) return new Module[0];
        int n = parse(value);
        LOG.warn("{}={}: new passwords get a test-only scrypt cost and are weakly protected", PROPERTY, n);
        ScryptCost cost = ScryptCost.fixed(n);
        return new Module[] {binder -> binder.bind(ScryptCost.class).toInstance(cost)};
    }

    private static int parse(String value) throws ExitException {
        try {
            int n = Integer.parseInt(value);
            if (n >= MIN_N && ScryptCost.isValid(n)) return n;
        } catch (NumberFormatException e) {
            // Refused below, with the rule.
        }
        throw ExitException.usage(PROPERTY + " must be a power of two from " + MIN_N + " to " + ScryptCost.MAX_N
                + ", not " + value);
    }
}
