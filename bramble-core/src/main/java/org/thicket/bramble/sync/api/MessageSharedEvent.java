package org.thicket.bramble.sync.api;

import org.thicket.bramble.event.api.Event;

/** A stored message became shared: it may now be offered and sent to the contacts its group is shared with. */
public record MessageSharedEvent(MessageId messageId) implements Event {
}
