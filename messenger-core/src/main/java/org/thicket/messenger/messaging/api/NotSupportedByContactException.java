package org.thicket.messenger.messaging.api;

import org.thicket.bramble.contact.api.ContactId;

/**
 * Nothing can be sent to the contact: as far as client versioning has told us, it does not run the messaging
 * client (it may not have told us yet, e.g. right after the contact was added).
 */
public class NotSupportedByContactException extends Exception {

    private static final long serialVersionUID = 1L;

    public NotSupportedByContactException(ContactId contactId) {
        super("Contact " + contactId.value() + " does not run " + MessagingConstants.CLIENT_ID.value() + " "
                + MessagingConstants.MAJOR_VERSION);
    }
}
