package org.thicket.bramble.plugin.api;

import java.util.Objects;

/**
 * One contact a {@link Plugin#poll} should try to reach: the contact's properties for the plugin's transport, and
 * the handler that takes any connection made to that contact.
 */
public record PollTarget(TransportProperties remoteProperties, ConnectionHandler handler) {

    public PollTarget {
        Objects.requireNonNull(remoteProperties);
        Objects.requireNonNull(handler);
    }
}
