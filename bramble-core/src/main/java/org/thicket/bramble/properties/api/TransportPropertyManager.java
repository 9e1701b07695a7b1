package org.thicket.bramble.properties.api;

import java.util.Map;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.api.TransportProperties;
import org.thicket.bramble.plugin.api.TransportPropertyStore;
import org.thicket.bramble.sync.api.ClientId;

/**
 * The transport-properties client (specs/clients/properties.md): keeps our properties per transport, sends them to
 * every contact whenever they change, and keeps the newest properties each contact sent. The store methods it
 * inherits run their own transactions; the methods here run in the caller's, for contact exchange, which sends our
 * properties and stores the contact's inside the transaction that adds the contact.
 */
public interface TransportPropertyManager extends TransportPropertyStore {

    ClientId CLIENT_ID = new ClientId("org.briarproject.bramble.properties");

    int MAJOR_VERSION = 0;

    int MINOR_VERSION = 0;

    /** Our properties of every transport that has any. */
    Map<TransportId, TransportProperties> getLocalProperties(Transaction txn) throws DbException;

    /**
     * Stores properties the contact gave us outside this client (in contact exchange) as its version 0, below every
     * update it sends; a transport for which the contact's properties are already stored is left alone.
     */
    void addRemoteProperties(Transaction txn, ContactId contactId, Map<TransportId, TransportProperties> properties)
            throws DbException;
}
