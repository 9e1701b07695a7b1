package org.thicket.messenger.headless.api;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.connection.api.ContactConnectedEvent;
import org.thicket.bramble.connection.api.ContactDisconnectedEvent;
import org.thicket.bramble.contact.api.ContactAddedEvent;
import org.thicket.bramble.contact.api.ContactRemovedEvent;
import org.thicket.bramble.contact.api.PendingContact;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.event.api.EventListener;
import org.thicket.bramble.plugin.api.TransportStateEvent;
import org.thicket.bramble.plugin.tor.api.TorStatusEvent;
import org.thicket.bramble.rendezvous.api.PendingContactAddedEvent;
import org.thicket.bramble.rendezvous.api.PendingContactRemovedEvent;
import org.thicket.bramble.rendezvous.api.PendingContactStateChangedEvent;
import org.thicket.bramble.util.Bytes;
import org.thicket.messenger.contact.api.InPersonAddingStatusEvent;
import org.thicket.messenger.headless.service.Conversations;
import org.thicket.messenger.messaging.api.AttachmentReceivedEvent;
import org.thicket.messenger.messaging.api.PrivateMessageDeliveredEvent;
import org.thicket.messenger.messaging.api.PrivateMessageReceivedEvent;

/**
 * Sends the node's events to every open WebSocket as {"type": "event", "name": ..., "data": {...}}. Events are
 * turned into JSON on a thread of its own, in the order the bus delivered them, so the event thread never waits for
 * the database (a received message's text) or a client. A client too slow to take its events is disconnected.
 */
final class EventStream implements EventListener, AutoCloseable {

    /** Every event on the stream. */
    record EventJson(String type, String name, Object data) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    static final String SUBSCRIBED = "{\"type\":\"subscribed\"}";

    private final Conversations conversations;
    private final ObjectMapper json;
    private final Set<Session> sessions = new CopyOnWriteArraySet<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "thicket-api-events");
        t.setDaemon(true);
        return t;
    });

    EventStream(Conversations conversations, ObjectMapper json) {
        this.conversations = conversations;
        this.json = json;
    }

    /**
     * Adds the stream and then tells the client it is subscribed ({@code {"type": "subscribed"}}): the upgrade's
     * answer can reach the client before this runs, so only this first message says that every later event will
     * arrive. It goes through the sender, behind any event already queued.
     */
    void opened(Session session) {
        sessions.add(session);
        try {
            sender.execute(() -> session.sendText(SUBSCRIBED, Callback.from(() -> { },
                    failure -> disconnect(session, failure))));
        } catch (RejectedExecutionException e) {
            // Stopping: the stream is closed with the others.
        }
    }

    void closed(Session session) {
        sessions.remove(session);
    }

    @Override
    public void eventOccurred(Event event) {
        if (sessions.isEmpty()) return;
        try {
            sender.execute(() -> publish(event));
        } catch (RejectedExecutionException e) {
            // Stopping: nobody is listening any more.
        }
    }

    private void publish(Event event) {
        EventJson message;
        try {
            message = toJson(event);
        } catch (DbException e) {
            LOG.warn("Could not read what the event {} refers to", event.getClass().getSimpleName(), e);
            return;
        }
        if (message == null) return;
        String text = new String(ApiJson.bytes(json, message), UTF_8);
        for (Session session : sessions) {
            session.sendText(text, Callback.from(() -> { }, failure -> disconnect(session, failure)));
        }
    }

    private void disconnect(Session session, Throwable failure) {
        LOG.info("Closing an event stream that could not take an event: {}", failure.toString());
        sessions.remove(session);
        session.close(StatusCode.POLICY_VIOLATION, "Too slow", Callback.NOOP);
    }

    /** The JSON of an event clients are told about, or null for the others. */
    private EventJson toJson(Event event) throws DbException {
        if (event instanceof PrivateMessageReceivedEvent e) {
            String text = conversations.text(e.header());
            return event("MessageReceived", MessageJson.of(e.contactId(), e.header(), text));
        }
        if (event instanceof PrivateMessageDeliveredEvent e) {
            return event("MessageDelivered", Map.of("contactId", e.contactId().value(),
                    "messageId", Bytes.toHex(e.messageId().getBytes())));
        }
        if (event instanceof AttachmentReceivedEvent e) {
            return event("AttachmentReceived", Map.of("contactId", e.contactId().value(),
                    "messageId", Bytes.toHex(e.header().messageId().getBytes()),
                    "contentType", e.header().contentType()));
        }
        if (event instanceof ContactAddedEvent e) return contactEvent("ContactAdded", e.contactId().value());
        if (event instanceof ContactRemovedEvent e) return contactEvent("ContactRemoved", e.contactId().value());
        if (event instanceof ContactConnectedEvent e) return contactEvent("ContactConnected", e.contactId().value());
        if (event instanceof ContactDisconnectedEvent e) {
            return contactEvent("ContactDisconnected", e.contactId().value());
        }
        if (event instanceof TransportStateEvent e) {
            return event("TransportState", Map.of("transportId", e.transportId().value(),
                    "state", e.state().name()));
        }
        if (event instanceof PendingContactAddedEvent e) {
            PendingContact p = e.pendingContact();
            return event("PendingContactAdded", Map.of("pendingContactId", PendingContactResource.hex(p.id()),
                    "alias", p.alias(), "timestamp", p.timestamp()));
        }
        if (event instanceof PendingContactRemovedEvent e) {
            return event("PendingContactRemoved",
                    Map.of("pendingContactId", PendingContactResource.hex(e.pendingContactId())));
        }
        if (event instanceof PendingContactStateChangedEvent e) {
            return event("PendingContactStateChanged", Map.of("pendingContactId",
                    PendingContactResource.hex(e.pendingContactId()), "state", e.state().name()));
        }
        if (event instanceof TorStatusEvent e) return event("TorStatus", TorResource.TorStatusJson.of(e.status()));
        if (event instanceof InPersonAddingStatusEvent e) {
            return event("KeyAgreementStatus", KeyAgreementResource.StatusJson.of(e.status()));
        }
        return null;
    }

    private static EventJson contactEvent(String name, int contactId) {
        return event(name, Map.of("contactId", contactId));
    }

    private static EventJson event(String name, Object data) {
        return new EventJson("event", name, data);
    }

    /** Closes every stream and stops the sender; events after this are dropped. */
    @Override
    public void close() {
        sender.shutdownNow();
        List<Session> open = List.copyOf(sessions);
        sessions.clear();
        for (Session s : open) s.close(StatusCode.SHUTDOWN, "The node is stopping", Callback.NOOP);
    }
}
