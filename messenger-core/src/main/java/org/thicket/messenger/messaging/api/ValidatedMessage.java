package org.thicket.messenger.messaging.api;

import java.util.List;
import org.thicket.bramble.data.api.BdfDictionary;
import org.thicket.bramble.sync.api.MessageId;

/**
 * What stateless validation of one incoming message yields (the validator's result of fact sheet section 2.8):
 * the parsed body, the metadata the client stores with the message, and the messages it depends on.
 *
 * @param metadata a new dictionary per call, owned by the caller
 * @param dependencies always empty for this client: private messages and attachments stand alone
 */
public record ValidatedMessage(MessagingBody body, BdfDictionary metadata, List<MessageId> dependencies) {

    public ValidatedMessage {
        dependencies = List.copyOf(dependencies);
    }
}
