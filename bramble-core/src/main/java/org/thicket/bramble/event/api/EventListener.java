package org.thicket.bramble.event.api;

/** Receives every event, in publication order, on the single event thread. Must not block for long. */
@FunctionalInterface
public interface EventListener {

    void eventOccurred(Event event);
}
