package org.thicket.bramble.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.event.api.EventListener;

/** Every event a node's bus delivers from when it is attached, for tests to count and wait on. */
public final class EventLog implements EventListener {

    private static final long POLL_MS = 10;

    private final List<Event> events = new CopyOnWriteArrayList<>();

    public static EventLog attach(CoreNode node) {
        EventLog log = new EventLog();
        node.get(EventBus.class).addListener(log);
        return log;
    }

    @Override
    public void eventOccurred(Event event) {
        events.add(event);
    }

    public <T extends Event> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends Event> long count(Class<T> type, Predicate<T> condition) {
        return all(type).stream().filter(condition).count();
    }

    /** Waits, at most {@link CoreNode#TIMEOUT_SECONDS}, until the condition holds; fails the test if it never does. */
    public static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + CoreNode.TIMEOUT_SECONDS * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("Timed out waiting until " + what);
            Thread.sleep(POLL_MS);
        }
    }
}
