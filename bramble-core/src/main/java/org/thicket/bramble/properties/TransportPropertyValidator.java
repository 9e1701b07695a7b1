package org.thicket.bramble.properties;

import jakarta.inject.Inject;
import org.thicket.bramble.client.BdfMessageValidator;
import org.thicket.bramble.client.api.ClientHelper;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.util.FormatException;
import org.thicket.bramble.validation.api.MessageContext;

/** Checks a contact's properties message; its metadata is the transport and version, marked as not ours. */
final class TransportPropertyValidator extends BdfMessageValidator {

    @Inject
    TransportPropertyValidator(ClientHelper clientHelper, Clock clock) {
        super(clientHelper, clock);
    }

    @Override
    protected MessageContext validateBody(Message message, Group group, BdfList body) throws FormatException {
        PropertiesUpdate update = PropertiesUpdate.parse(body);
        return new MessageContext(clientHelper.toMetadata(TransportPropertyManagerImpl.metadata(update, false)));
    }
}
