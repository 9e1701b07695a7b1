package org.thicket.bramble.plugin.tor.api;

/**
 * What a status display may ask the running Tor plugin (the plugin manager's plugin for the Tor transport implements
 * this); {@link TorStatusEvent}s report each change of the status.
 */
public interface TorStatusSource {

    TorStatus getStatus();

    /** Our onion service's address, 56 lower-case base32 characters without ".onion"; null while none is published. */
    String getOnionAddress();
}
