package org.thicket.bramble.plugin;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.thicket.bramble.connection.api.ConnectionManager;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.TransportConnectionReader;
import org.thicket.bramble.plugin.api.TransportConnectionWriter;
import org.thicket.bramble.plugin.api.TransportId;

/** Records each connection it is given; {@code contactId} is null for incoming ones. */
final class RecordingConnectionManager implements ConnectionManager {

    enum Kind { INCOMING_DUPLEX, INCOMING_READER, OUTGOING_DUPLEX, OUTGOING_WRITER }

    record Managed(Kind kind, ContactId contactId, TransportId transportId, Object connection) {
    }

    final List<Managed> managed = new CopyOnWriteArrayList<>();

    @Override
    public void manageIncomingConnection(TransportId transportId, DuplexTransportConnection connection) {
        managed.add(new Managed(Kind.INCOMING_DUPLEX, null, transportId, connection));
    }

    @Override
    public void manageIncomingConnection(TransportId transportId, TransportConnectionReader reader) {
        managed.add(new Managed(Kind.INCOMING_READER, null, transportId, reader));
    }

    @Override
    public void manageOutgoingConnection(ContactId contactId, TransportId transportId,
            DuplexTransportConnection connection) {
        managed.add(new Managed(Kind.OUTGOING_DUPLEX, contactId, transportId, connection));
    }

    @Override
    public void manageOutgoingConnection(ContactId contactId, TransportId transportId,
            TransportConnectionWriter writer) {
        managed.add(new Managed(Kind.OUTGOING_WRITER, contactId, transportId, writer));
    }
}
