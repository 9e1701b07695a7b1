package org.thicket.messenger.headless.api;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test's client of the API: plain JDK HTTP and WebSocket, every wait bounded. */
final class ApiClient {

    static final long TIMEOUT_SECONDS = 30;

    /** A reply: status, the raw body, and the body parsed if it is JSON. */
    record Answer(int status, String body, JsonNode json, HttpResponse<String> response) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(TIMEOUT_SECONDS))
            .build();
    private final String base;
    private final String token;

    ApiClient(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    static String readToken(Path dataDirectory) throws Exception {
        return Files.readString(dataDirectory.resolve(ApiToken.FILE_NAME), UTF_8).trim();
    }

    Answer get(String path) throws Exception {
        return send(request(path).GET(), "Bearer " + token);
    }

    Answer delete(String path) throws Exception {
        return send(request(path).DELETE(), "Bearer " + token);
    }

    Answer post(String path, String body) throws Exception {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body, UTF_8)), "Bearer " + token);
    }

    Answer post(String path, byte[] body) throws Exception {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body)), "Bearer " + token);
    }

    /** A body other than JSON, such as an image. */
    Answer post(String path, byte[] body, String contentType) throws Exception {
        return send(request(path).setHeader("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), "Bearer " + token);
    }

    /** A body other than JSON, as bytes; fails unless the status is 200. */
    HttpResponse<byte[]> getBytes(String path) throws Exception {
        HttpRequest request = request(path).GET().header("Authorization", "Bearer " + token).build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) throw new AssertionError("GET " + path + ": " + response.statusCode());
        return response;
    }

    /** @param authorization the whole header, or null for none */
    Answer getWithAuthorization(String path, String authorization) throws Exception {
        return send(request(path).GET(), authorization);
    }

    /** Any method, with a JSON body of {} and the given Authorization header (null for none). */
    Answer sendWithAuthorization(String method, String path, String authorization) throws Exception {
        return send(request(path).method(method, HttpRequest.BodyPublishers.ofString("{}")), authorization);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(TIMEOUT_SECONDS))
                .header("Content-Type", "application/json");
    }

    private Answer send(HttpRequest.Builder request, String authorization) throws Exception {
        if (authorization != null) request.header("Authorization", authorization);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
        String body = response.body();
        JsonNode json = body.isEmpty() ? null : JSON.readTree(body);
        return new Answer(response.statusCode(), body, json, response);
    }

    /** Opens /v1/ws with the given Authorization header (null for none). */
    EventClient events(String authorization) throws Exception {
        EventClient client = new EventClient();
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(TIMEOUT_SECONDS));
        if (authorization != null) builder.header("Authorization", authorization);
        client.socket = builder.buildAsync(URI.create("ws" + base.substring(4) + ApiServer.EVENTS_PATH), client)
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        client.awaitSubscribed();
        return client;
    }

    EventClient events() throws Exception {
        return events("Bearer " + token);
    }

    /** The events a WebSocket received, as parsed JSON, in order. */
    static final class EventClient implements WebSocket.Listener, AutoCloseable {

        private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    events.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new AssertionError("Not JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        /** Waits for the node's first message: from then on every event reaches this stream. */
        void awaitSubscribed() throws InterruptedException {
            JsonNode first = events.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (first == null || !first.path("type").asText().equals("subscribed")) {
                throw new AssertionError("The event stream did not confirm its subscription: " + first);
            }
        }

        /** The next event with this name, skipping others; fails after {@value #TIMEOUT_SECONDS} s. */
        JsonNode await(String name) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (true) {
                JsonNode event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event == null) throw new AssertionError("No " + name + " event within " + TIMEOUT_SECONDS + " s");
                if (event.get("name").asText().equals(name)) return event;
            }
        }

        @Override
        public void close() {
            socket.abort();
        }
    }
}
