package org.thicket.bramble.db;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.event.api.EventListener;

/** Records broadcast events, in order, and runs an optional hook on the broadcasting thread. */
final class RecordingEventBus implements EventBus {

    private final List<Event> events = new ArrayList<>();
    private volatile Consumer<Event> onBroadcast = e -> { };

    @Override
    public void addListener(EventListener listener) {
        throw new UnsupportedOperationException("The database only broadcasts");
    }

    @Override
    public void removeListener(EventListener listener) {
        throw new UnsupportedOperationException("The database only broadcasts");
    }

    @Override
    public void broadcast(Event event) {
        onBroadcast.accept(event);
        synchronized (events) {
            events.add(event);
        }
    }

    void onBroadcast(Consumer<Event> hook) {
        onBroadcast = hook;
    }

    List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }
}
