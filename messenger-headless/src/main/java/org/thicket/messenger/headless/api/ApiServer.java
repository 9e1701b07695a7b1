package org.thicket.messenger.headless.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.messenger.headless.service.Conversations;
import org.thicket.messenger.node.MessengerNode;

/**
 * The local API of a running node: Jetty on 127.0.0.1 only, every request (the WebSocket upgrade included) checked
 * for the bearer token first. Start it once the account runs; close it before the node stops.
 */
public final class ApiServer implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    public static final String EVENTS_PATH = "/v1/ws";

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    /** A local API for one user's scripts: a few concurrent requests are plenty. */
    private static final int MAX_THREADS = 16;
    private static final int MIN_THREADS = 2;
    /** Clients send nothing on the event stream; anything they do send is read and dropped. */
    private static final int MAX_INCOMING_WS_MESSAGE = 1024;
    /** Events queued for one client before it counts as too slow and is disconnected. */
    private static final int MAX_QUEUED_EVENTS = 1024;

    private final Server server;
    private final ServerConnector connector;
    private final EventStream events;
    private final EventBus eventBus;

    private ApiServer(Server server, ServerConnector connector, EventStream events, EventBus eventBus) {
        this.server = server;
        this.connector = connector;
        this.events = events;
        this.eventBus = eventBus;
    }

    /**
     * Reads or makes the token in the data directory and starts listening.
     *
     * @param port 0 for any free port
     * @throws IOException if the token file cannot be used or the port cannot be had
     */
    public static ApiServer start(MessengerNode node, Path dataDirectory, int port) throws IOException {
        ApiToken token = ApiToken.loadOrCreate(dataDirectory);
        ObjectMapper json = ApiJson.mapper();
        Routes routes = new Routes();
        ApiResources.of(node).forEach(resource -> resource.register(routes));

        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
        threads.setName("thicket-api");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // Jetty caches header lines per connection and by default matches them ignoring case, so a request whose
        // Authorization differs from an earlier one only in case would be handed the earlier, right, token.
        http.setHeaderCacheCaseSensitive(true);
        http.setHeaderCacheSize(0);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(HOST);
        connector.setPort(port);
        server.addConnector(connector);

        EventStream events = new EventStream(Conversations.of(node), json);
        WebSocketUpgradeHandler webSockets = WebSocketUpgradeHandler.from(server, container -> {
            container.setMaxTextMessageSize(MAX_INCOMING_WS_MESSAGE);
            container.setMaxBinaryMessageSize(MAX_INCOMING_WS_MESSAGE);
            container.setMaxOutgoingFrames(MAX_QUEUED_EVENTS);
            // An event stream may stay quiet for hours; the client decides when it is done.
            container.setIdleTimeout(Duration.ZERO);
            container.addMapping(EVENTS_PATH, (request, response, callback) -> new EventSocket(events));
        });
        webSockets.setHandler(new ApiHandler(routes, json));
        server.setHandler(new TokenCheck(token, json, webSockets));
        server.setErrorHandler(new JsonErrorHandler(json));

        EventBus eventBus = node.get(EventBus.class);
        eventBus.addListener(events);
        ApiServer api = new ApiServer(server, connector, events, eventBus);
        try {
            server.start();
        } catch (Exception e) {
            api.close();
            throw new IOException("Could not listen on " + HOST + ":" + port + ": " + e.getMessage(), e);
        }
        LOG.info("API listening on {}:{}", HOST, api.port());
        return api;
    }

    /** The port it listens on: the one asked for, or the one chosen for port 0. */
    public int port() {
        return connector.getLocalPort();
    }

    /** Stops listening, closes the event streams and lets go of the node's event bus. */
    @Override
    public void close() {
        eventBus.removeListener(events);
        events.close();
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("The API server did not stop cleanly", e);
        }
    }
}
