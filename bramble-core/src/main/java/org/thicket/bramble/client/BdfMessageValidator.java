package org.thicket.bramble.client;

import static org.thicket.bramble.transport.api.TransportConstants.MAX_CLOCK_DIFFERENCE_MS;

import org.thicket.bramble.client.api.ClientHelper;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.util.FormatException;
import org.thicket.bramble.validation.api.InvalidMessageException;
import org.thicket.bramble.validation.api.MessageContext;
import org.thicket.bramble.validation.api.MessageValidator;

/**
 * The checks every client with BDF bodies starts with: the timestamp is at most 24 hours ahead of our clock (any age
 * is fine), and the body is exactly one canonical BDF list. A client adds its own rules in {@link #validateBody};
 * a {@link FormatException} from there makes the message invalid.
 */
public abstract class BdfMessageValidator implements MessageValidator {

    protected final ClientHelper clientHelper;
    private final Clock clock;

    protected BdfMessageValidator(ClientHelper clientHelper, Clock clock) {
        this.clientHelper = clientHelper;
        this.clock = clock;
    }

    @Override
    public final MessageContext validateMessage(Message message, Group group) throws InvalidMessageException {
        long ahead = message.getTimestamp() - clock.currentTimeMillis();
        if (ahead > MAX_CLOCK_DIFFERENCE_MS) {
            throw new InvalidMessageException("The timestamp is " + ahead + " ms ahead of our clock");
        }
        try {
            return validateBody(message, group, clientHelper.toList(message));
        } catch (FormatException e) {
            throw new InvalidMessageException(e.getMessage(), e);
        }
    }

    /** The client's rules for a body that is one BDF list; returns the message's metadata and dependencies. */
    protected abstract MessageContext validateBody(Message message, Group group, BdfList body)
            throws FormatException;
}
