package org.thicket.messenger.messaging.api;

import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.util.FormatException;

/**
 * Stateless validation of incoming messaging-client messages (specs/clients/messaging.md): pure functions of the
 * bytes, the timestamp and the local clock. Any input, however hostile, yields a result or a FormatException.
 */
public interface PrivateMessageValidator {

    /**
     * Parses a body in any accepted form (the current private message, the legacy [text] form, or an attachment).
     * Also for bodies read back from our own storage, so it applies no timestamp rule.
     *
     * @throws FormatException naming the broken rule
     */
    MessagingBody parse(byte[] body) throws FormatException;

    /**
     * Checks the timestamp against the local clock, parses the body and returns what the client stores.
     *
     * @throws FormatException if the timestamp is negative or more than 24 h ahead of the local clock, or the body
     *     does not parse
     */
    ValidatedMessage validate(long timestamp, byte[] body) throws FormatException;

    default ValidatedMessage validate(Message message) throws FormatException {
        return validate(message.getTimestamp(), message.getBody());
    }
}
