package org.thicket.bramble.test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.event.api.EventListener;

/**
 * An event bus that delivers each event on the broadcasting thread, to its listeners, and records every event in
 * broadcast order. Thread-safe.
 */
public final class CapturingEventBus implements EventBus {

    private final List<Event> events = new ArrayList<>(); // guarded by this
    private final List<EventListener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void addListener(EventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(EventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void broadcast(Event event) {
        synchronized (this) {
            events.add(event);
        }
        listeners.forEach(listener -> listener.eventOccurred(event));
    }

    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /** The recorded events of one type, in order. */
    public synchronized <E extends Event> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public synchronized void clear() {
        events.clear();
    }
}
