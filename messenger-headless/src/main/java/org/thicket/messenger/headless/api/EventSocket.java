package org.thicket.messenger.headless.api;

import org.eclipse.jetty.websocket.api.Session;

/**
 * One client's WebSocket on /v1/ws: it only receives. What a client sends is ignored. Public because Jetty calls
 * its methods through method handles.
 */
public final class EventSocket extends Session.Listener.AbstractAutoDemanding {

    private final EventStream stream;

    EventSocket(EventStream stream) {
        this.stream = stream;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        super.onWebSocketOpen(session);
        stream.opened(session);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        stream.closed(getSession());
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        Session session = getSession();
        if (session != null) stream.closed(session);
    }
}
