package org.thicket.bramble.versioning;

import org.thicket.bramble.validation.api.ClientMajorVersion;

/**
 * One entry of an update: a client the sender runs, at this minor version. {@code active} says that the sender has
 * seen, in the recipient's latest update, that the recipient runs the same client and major version too.
 */
record ClientState(ClientMajorVersion client, int minorVersion, boolean active) {

    ClientState {
        if (minorVersion < 0) throw new IllegalArgumentException("Minor versions are not negative");
    }
}
