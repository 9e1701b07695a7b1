package org.thicket.bramble.contactexchange.api;

import java.io.IOException;
import org.thicket.bramble.contact.api.Contact;
import org.thicket.bramble.contact.api.PendingContactId;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.TransportId;

/**
 * Contact exchange (specs/contact-exchange.md): after in-person (BQP) or remote (BHP) key agreement, both sides
 * swap signed contact information over BTP streams keyed from the agreed master key and add each other as
 * contacts with rotation-mode transport keys. On success the connection is handed to the connection manager and
 * continues as a sync connection; on failure it is closed and nothing is stored.
 */
public interface ContactExchangeManager {

    /**
     * Exchanges contacts after in-person key agreement.
     *
     * @param masterKey the master key both sides agreed; wiped by this call
     * @param alice whether we are Alice, as the key agreement decided
     * @param verified whether the contact was verified in person (true after BQP)
     */
    Contact exchangeContacts(TransportId transportId, DuplexTransportConnection connection, SecretKey masterKey,
            boolean alice, boolean verified) throws IOException, DbException;

    /**
     * Exchanges contacts after remote key agreement with a pending contact, which the new contact replaces.
     */
    Contact exchangeContacts(PendingContactId pendingContactId, TransportId transportId,
            DuplexTransportConnection connection, SecretKey masterKey, boolean alice, boolean verified)
            throws IOException, DbException;
}
