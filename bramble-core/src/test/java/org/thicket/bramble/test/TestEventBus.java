package org.thicket.bramble.test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.event.api.EventListener;

/** Records every broadcast event and delivers it at once, on the broadcasting thread, to the listeners. */
public final class TestEventBus implements EventBus {

    private final List<EventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Event> events = new ArrayList<>();

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
        synchronized (events) {
            events.add(event);
        }
        for (EventListener l : listeners) l.eventOccurred(event);
    }

    public List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    public <E extends Event> List<E> events(Class<E> type) {
        return events().stream().filter(type::isInstance).map(type::cast).toList();
    }
}
