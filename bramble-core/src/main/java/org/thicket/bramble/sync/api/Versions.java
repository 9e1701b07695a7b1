package org.thicket.bramble.sync.api;

import java.util.List;

/** VERSIONS (type 4): the BSP versions the sender supports, one byte each, 1 to 10 of them. */
public record Versions(List<Integer> versions) implements SyncRecord {

    public Versions {
        versions = List.copyOf(versions);
        if (versions.isEmpty() || versions.size() > SyncConstants.MAX_SUPPORTED_VERSIONS) {
            throw new IllegalArgumentException("A VERSIONS record lists 1 to " + SyncConstants.MAX_SUPPORTED_VERSIONS
                    + " versions, not " + versions.size());
        }
        for (int v : versions) {
            if (v < 0 || v > 255) throw new IllegalArgumentException("Not a version byte: " + v);
        }
    }
}
