package org.thicket.bramble.contactexchange;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.thicket.bramble.connection.api.ConnectionManager;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.TransportConnectionReader;
import org.thicket.bramble.plugin.api.TransportConnectionWriter;
import org.thicket.bramble.plugin.api.TransportId;

/** Keeps the duplex connections it is handed, open, so a test can see who got which and go on using them. */
final class RecordingConnectionManager implements ConnectionManager {

    /** One hand-over: contactId is null for an incoming connection. */
    record Handover(ContactId contactId, TransportId transportId, DuplexTransportConnection connection) {
    }

    final List<Handover> incoming = new CopyOnWriteArrayList<>();
    final List<Handover> outgoing = new CopyOnWriteArrayList<>();

    @Override
    public void manageIncomingConnection(TransportId transportId, DuplexTransportConnection connection) {
        incoming.add(new Handover(null, transportId, connection));
    }

    @Override
    public void manageIncomingConnection(TransportId transportId, TransportConnectionReader reader) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void manageOutgoingConnection(ContactId contactId, TransportId transportId,
            DuplexTransportConnection connection) {
        outgoing.add(new Handover(contactId, transportId, connection));
    }

    @Override
    public void manageOutgoingConnection(ContactId contactId, TransportId transportId,
            TransportConnectionWriter writer) {
        throw new UnsupportedOperationException();
    }
}
