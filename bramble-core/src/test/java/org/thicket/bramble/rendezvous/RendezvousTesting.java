package org.thicket.bramble.rendezvous;

import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.thicket.bramble.contact.api.Contact;
import org.thicket.bramble.contact.api.PendingContactId;
import org.thicket.bramble.contactexchange.api.ContactExchangeManager;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.rendezvous.api.PendingContactManager;
import org.thicket.bramble.test.CoreNode;
import org.thicket.bramble.transport.api.TransportDescriptor;

/** Shared by the rendezvous and handshake tests: a test transport with keys, and a recording contact exchange. */
public final class RendezvousTesting {

    public static final TransportId TRANSPORT = new TransportId("org.thicket.test.rendezvous");
    public static final long MAX_LATENCY_MS = 30_000;

    private RendezvousTesting() {
    }

    /** Registers {@link #TRANSPORT} with the key manager, so pending contacts get handshake keys for it. */
    public static Module transportKeys() {
        return binder -> Multibinder.newSetBinder(binder, TransportDescriptor.class).addBinding()
                .toInstance(new TransportDescriptor(TRANSPORT, MAX_LATENCY_MS));
    }

    /** Each node adds the other's link; returns the ID each node has for the other, A's first. */
    public static PendingContactId[] addEachOther(CoreNode a, CoreNode b) throws Exception {
        PendingContactManager pa = a.get(PendingContactManager.class);
        PendingContactManager pb = b.get(PendingContactManager.class);
        PendingContactId bAtA = pa.addPendingContact(pb.getHandshakeLink(), "Bob").id();
        PendingContactId aAtB = pb.addPendingContact(pa.getHandshakeLink(), "Alice").id();
        return new PendingContactId[] {bAtA, aAtB};
    }

    /** One call of the contact exchange, with a copy of the master key it was given. */
    public record Exchange(PendingContactId pendingContactId, TransportId transportId, byte[] masterKey,
            boolean alice, boolean verified) {
    }

    /**
     * Stands in for contact exchange, which another issue implements: records each call, wipes the key and closes
     * the connection, as the real one does once done.
     */
    public static final class RecordingContactExchange implements ContactExchangeManager {

        public final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
        public final CountDownLatch called = new CountDownLatch(1);

        @Override
        public Contact exchangeContacts(TransportId transportId, DuplexTransportConnection connection,
                SecretKey masterKey, boolean alice, boolean verified) {
            throw new UnsupportedOperationException("Remote contact adding uses the pending-contact overload");
        }

        @Override
        public Contact exchangeContacts(PendingContactId pendingContactId, TransportId transportId,
                DuplexTransportConnection connection, SecretKey masterKey, boolean alice, boolean verified)
                throws IOException {
            exchanges.add(new Exchange(pendingContactId, transportId, masterKey.getBytes(), alice, verified));
            masterKey.wipe();
            connection.close(false);
            called.countDown();
            return null;
        }
    }

    /** Binds a recording contact exchange. */
    public static Module contactExchange(RecordingContactExchange exchange) {
        return binder -> OptionalBinder.newOptionalBinder(binder, ContactExchangeManager.class).setBinding()
                .toInstance(exchange);
    }
}
