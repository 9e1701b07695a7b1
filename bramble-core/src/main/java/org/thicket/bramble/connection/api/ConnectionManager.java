package org.thicket.bramble.connection.api;

import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.TransportConnectionReader;
import org.thicket.bramble.plugin.api.TransportConnectionWriter;
import org.thicket.bramble.plugin.api.TransportId;

/**
 * Runs BTP and BSP over the connections plugins make and accept. Every method takes ownership of the connection,
 * returns at once and does the work on another thread. Incoming connections are matched to a contact by their
 * stream's tag; outgoing ones are made for a known contact.
 */
public interface ConnectionManager {

    void manageIncomingConnection(TransportId transportId, DuplexTransportConnection connection);

    void manageIncomingConnection(TransportId transportId, TransportConnectionReader reader);

    void manageOutgoingConnection(ContactId contactId, TransportId transportId, DuplexTransportConnection connection);

    void manageOutgoingConnection(ContactId contactId, TransportId transportId, TransportConnectionWriter writer);
}
