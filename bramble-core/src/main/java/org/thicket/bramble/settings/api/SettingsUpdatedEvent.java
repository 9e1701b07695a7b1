package org.thicket.bramble.settings.api;

import org.thicket.bramble.event.api.Event;

/** The settings of a namespace changed; {@code settings} is the whole namespace after the change. */
public record SettingsUpdatedEvent(String namespace, Settings settings) implements Event {
}
