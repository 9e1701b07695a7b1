package org.thicket.bramble.plugin.tor.api;

import org.thicket.bramble.event.api.Event;

/**
 * tor uploaded the descriptor of one of our onion services to a directory: from now on a client that fetches it
 * afresh reaches the service, also after a restart gave it new introduction points.
 *
 * @param onionAddress the service's address without ".onion", as tor reported it
 */
public record OnionPublishedEvent(String onionAddress) implements Event {
}
