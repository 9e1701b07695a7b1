package org.thicket.bramble.validation.api;

import java.util.List;
import org.thicket.bramble.sync.api.Metadata;
import org.thicket.bramble.sync.api.MessageId;

/** What validation learned: the metadata to store with the message and the messages it must wait for. */
public record MessageContext(Metadata metadata, List<MessageId> dependencies) {

    public MessageContext {
        dependencies = List.copyOf(dependencies);
    }

    public MessageContext(Metadata metadata) {
        this(metadata, List.of());
    }
}
