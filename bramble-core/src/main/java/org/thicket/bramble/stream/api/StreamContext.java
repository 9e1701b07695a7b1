package org.thicket.bramble.stream.api;

import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.PendingContactId;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.plugin.api.TransportId;

/**
 * Everything needed to write or read one BTP stream: whose it is, the keys of the current period and the stream
 * number. Exactly one of {@code contactId} and {@code pendingContactId} is set, except for contact-exchange streams
 * where neither is known yet.
 */
public record StreamContext(ContactId contactId, PendingContactId pendingContactId, TransportId transportId,
        SecretKey tagKey, SecretKey headerKey, long streamNumber, boolean handshakeMode) {

    public StreamContext {
        if (contactId != null && pendingContactId != null) {
            throw new IllegalArgumentException("A stream belongs to a contact or a pending contact, not both");
        }
        if (streamNumber < 0 || streamNumber > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("Stream numbers are 0 to 2^32 - 1: " + streamNumber);
        }
    }
}
