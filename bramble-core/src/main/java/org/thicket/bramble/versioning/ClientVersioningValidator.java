package org.thicket.bramble.versioning;

import jakarta.inject.Inject;
import org.thicket.bramble.client.BdfMessageValidator;
import org.thicket.bramble.client.api.ClientHelper;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.util.FormatException;
import org.thicket.bramble.validation.api.MessageContext;

/** Checks a contact's update against the format; its metadata is the update version, marked as not ours. */
final class ClientVersioningValidator extends BdfMessageValidator {

    @Inject
    ClientVersioningValidator(ClientHelper clientHelper, Clock clock) {
        super(clientHelper, clock);
    }

    @Override
    protected MessageContext validateBody(Message message, Group group, BdfList body) throws FormatException {
        Update update = Update.parse(body);
        return new MessageContext(clientHelper.toMetadata(ClientVersioningManagerImpl.metadata(update, false)));
    }
}
