package org.thicket.bramble.versioning.api;

import org.thicket.bramble.sync.api.ClientId;
import org.thicket.bramble.validation.api.ClientMajorVersion;

/** A client this app runs, with the minor version it speaks (its capabilities within the major version). */
public record ClientVersion(ClientMajorVersion client, int minorVersion) {

    public ClientVersion {
        if (minorVersion < 0) throw new IllegalArgumentException("Minor versions are not negative");
    }

    public ClientVersion(ClientId clientId, int majorVersion, int minorVersion) {
        this(new ClientMajorVersion(clientId, majorVersion), minorVersion);
    }
}
