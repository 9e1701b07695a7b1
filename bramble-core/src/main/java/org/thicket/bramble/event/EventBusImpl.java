package org.thicket.bramble.event;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.event.api.EventExecutor;
import org.thicket.bramble.event.api.EventListener;

/**
 * Each broadcast becomes one task on the single-threaded event executor, so every listener sees every event in
 * broadcast order and no two listeners ever run at the same time.
 */
final class EventBusImpl implements EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(EventBusImpl.class);

    // Copy-on-write: listeners change rarely, and a delivery in progress keeps iterating the list it started with.
    private final List<EventListener> listeners = new CopyOnWriteArrayList<>();
    private final Executor eventExecutor;

    @Inject
    EventBusImpl(@EventExecutor Executor eventExecutor) {
        this.eventExecutor = eventExecutor;
    }

    @Override
    public void addListener(EventListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    @Override
    public void removeListener(EventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void broadcast(Event event) {
        Objects.requireNonNull(event);
        try {
            eventExecutor.execute(() -> deliver(event));
        } catch (RejectedExecutionException e) {
            // The executor only refuses work once it is shutting down; nobody is left to hear the event.
            LOG.debug("Dropped {} broadcast after the event executor shut down", event.getClass().getSimpleName());
        }
    }

    private void deliver(Event event) {
        for (EventListener listener : listeners) {
            try {
                listener.eventOccurred(event);
            } catch (RuntimeException e) {
                // One faulty listener must not deprive the others of the event, nor end the event thread.
                LOG.error("Listener {} failed on {}", listener, event.getClass().getSimpleName(), e);
            }
        }
    }
}
