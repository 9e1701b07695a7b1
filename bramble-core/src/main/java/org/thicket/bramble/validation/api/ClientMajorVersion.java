package org.thicket.bramble.validation.api;

import org.thicket.bramble.sync.api.ClientId;

/** A client and major version: the key validators and hooks are registered under. */
public record ClientMajorVersion(ClientId clientId, int majorVersion) {

    public ClientMajorVersion {
        if (majorVersion < 0) throw new IllegalArgumentException("Major versions are not negative");
    }
}
