package org.thicket.bramble.event.api;

/** Something that happened. Events are immutable values, published only after the change they describe is durable. */
public interface Event {
}
