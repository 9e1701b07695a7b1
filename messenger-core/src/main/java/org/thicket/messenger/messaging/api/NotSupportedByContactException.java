package org.thicket.messenger.messaging.api;

import org.thicket.bramble.contact.api.ContactId;

/** Nothing can be sent to the contact: its client-versioning update says it does not run the messaging client. */
public class NotSupportedByContactException extends Exception {

    private static final long serialVersionUID = 1L;

    public NotSupportedByContactException(ContactId contactId) {
        super("Contact " + contactId.value() + " does not run " + MessagingConstants.CLIENT_ID.value() + " "
                + MessagingConstants.MAJOR_VERSION);
    }
}
