package org.thicket.bramble.connection.api;

import java.util.Objects;
import org.thicket.bramble.plugin.api.TransportId;

/**
 * "Prefer {@code better} over {@code worse}": a contact connected over {@code better} needs no duplex connection over
 * {@code worse}. Apps contribute preferences with
 * {@code Multibinder.newSetBinder(binder(), TransportPreference.class).addBinding().toInstance(...)}; there are none
 * by default. Both peers must hold the same preferences to close the same connection.
 */
public record TransportPreference(TransportId better, TransportId worse) {

    public TransportPreference {
        Objects.requireNonNull(better);
        Objects.requireNonNull(worse);
        if (better.equals(worse)) throw new IllegalArgumentException("A transport is not preferred over itself");
    }
}
