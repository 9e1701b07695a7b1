package org.thicket.messenger.messaging;

import jakarta.inject.Inject;
import org.thicket.bramble.client.api.ClientHelper;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.util.FormatException;
import org.thicket.bramble.validation.api.InvalidMessageException;
import org.thicket.bramble.validation.api.MessageContext;
import org.thicket.bramble.validation.api.MessageValidator;
import org.thicket.messenger.messaging.api.PrivateMessageValidator;
import org.thicket.messenger.messaging.api.ValidatedMessage;

/** The validation service's view of {@link PrivateMessageValidator}: its metadata in the stored form. */
final class MessagingValidator implements MessageValidator {

    private final PrivateMessageValidator validator;
    private final ClientHelper clientHelper;

    @Inject
    MessagingValidator(PrivateMessageValidator validator, ClientHelper clientHelper) {
        this.validator = validator;
        this.clientHelper = clientHelper;
    }

    @Override
    public MessageContext validateMessage(Message message, Group group) throws InvalidMessageException {
        try {
            ValidatedMessage valid = validator.validate(message);
            return new MessageContext(clientHelper.toMetadata(valid.metadata()), valid.dependencies());
        } catch (FormatException e) {
            throw new InvalidMessageException(e.getMessage(), e);
        }
    }
}
