package org.thicket.bramble.lifecycle.api;

import java.util.Objects;
import org.thicket.bramble.event.api.Event;

/** Broadcast each time the lifecycle enters a new state. */
public record LifecycleEvent(LifecycleState state) implements Event {

    public LifecycleEvent {
        Objects.requireNonNull(state);
    }
}
