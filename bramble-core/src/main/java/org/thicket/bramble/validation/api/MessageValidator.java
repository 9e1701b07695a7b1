package org.thicket.bramble.validation.api;

import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.Message;

/**
 * Checks one message of a client against its format, statelessly: no database, no clock other than what the
 * validator was built with. Runs on a worker thread, so it may do crypto.
 */
@FunctionalInterface
public interface MessageValidator {

    /** @throws InvalidMessageException if the message breaks the client's format; it is then stored as INVALID */
    MessageContext validateMessage(Message message, Group group) throws InvalidMessageException;
}
