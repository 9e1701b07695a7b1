package org.thicket.bramble.event.api;

/**
 * Delivers events to listeners in the order they were broadcast, one at a time, on one event thread. Code that changes
 * the database does not call {@link #broadcast} itself: it attaches the event to its transaction, which broadcasts
 * it after committing.
 */
public interface EventBus {

    void addListener(EventListener listener);

    void removeListener(EventListener listener);

    void broadcast(Event event);
}
