package org.thicket.messenger.headless.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.Socket;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.util.Bytes;
import org.thicket.messenger.headless.TestNodes;
import org.thicket.messenger.headless.api.ApiClient.Answer;
import org.thicket.messenger.headless.api.ApiClient.EventClient;
import org.thicket.messenger.messaging.api.MessagingConstants;
import org.thicket.messenger.messaging.api.MessagingManager;
import org.thicket.messenger.messaging.api.PrivateMessageHeader;

/**
 * The API over a real node (Alice) in this JVM, whose contact Bob is a second real node; messages and acks move
 * between the two by hand ({@link TestNodes}).
 */
class ApiServerTest extends TwoNodeApiTest {

    private ContactId bobAtAlice;
    private ContactId aliceAtBob;

    @BeforeEach
    void makeAliceAndBobContacts() throws Exception {
        TestNodes.Contacts contacts = TestNodes.makeContacts(alice, bob);
        bobAtAlice = contacts.bobAtAlice();
        aliceAtBob = contacts.aliceAtBob();
    }

    // Authentication

    @Test
    void everyRequestWithoutTheRightTokenIs401() throws Exception {
        String token = ApiClient.readToken(aliceDir);
        List<String> wrong = new ArrayList<>();
        wrong.add(null);
        wrong.add("");
        wrong.add("Bearer");
        wrong.add("Bearer ");
        wrong.add("Bearer " + token.substring(0, token.length() - 1));
        wrong.add("Bearer " + token + "x");
        wrong.add("Bearer " + flipCase(token));
        wrong.add("Basic " + token);
        wrong.add("Bearer " + (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1));

        for (String authorization : wrong) {
            for (String path : List.of("/v1/identity", "/v1/contacts", "/no/such/path")) {
                Answer answer = client.getWithAuthorization(path, authorization);
                assertThat(answer.status()).as("%s with %s", path, authorization).isEqualTo(401);
                assertThat(answer.json().get("error").asText()).contains("bearer token");
                assertThat(answer.response().headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
                assertThat(answer.response().headers().firstValue("Connection")).as("no reuse after a refusal")
                        .hasValue("close");
            }
        }
        assertThat(client.getWithAuthorization("/v1/identity", "Bearer " + token).status()).isEqualTo(200);
        assertThat(client.getWithAuthorization("/v1/identity", "bEARER " + token).status()).isEqualTo(200);
    }

    /** The token with the case of its first letter flipped: tokens are compared byte for byte. */
    private static String flipCase(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isLetter(c)) {
                char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
                return token.substring(0, i) + flipped + token.substring(i + 1);
            }
        }
        throw new AssertionError("A 43-character token without a letter");
    }

    @Test
    void theWebSocketUpgradeNeedsTheTokenToo() {
        for (String authorization : new String[] {null, "Bearer wrong"}) {
            assertThatThrownBy(() -> client.events(authorization)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(WebSocketHandshakeException.class)
                    .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                            .isEqualTo(401));
        }
    }

    @Test
    void theTokenFileIsPrivateAndKeptAcrossStarts() throws Exception {
        String token = ApiClient.readToken(aliceDir);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        api.close();
        api = ApiServer.start(alice, aliceDir, 0);

        assertThat(ApiClient.readToken(aliceDir)).isEqualTo(token);
        assertThat(new ApiClient(api.port(), token).get("/v1/identity").status()).isEqualTo(200);
    }

    // Endpoints

    @Test
    void identityIsTheNicknameAndAuthorId() throws Exception {
        Answer answer = client.get("/v1/identity");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.response().headers().firstValue("Content-Type")).hasValue(ApiJson.CONTENT_TYPE);
        assertThat(answer.json().get("nickname").asText()).isEqualTo("Alice");
        assertThat(answer.json().get("authorId").asText()).isEqualTo(Bytes.toHex(author(alice).id().getBytes()));
    }

    @Test
    void contactsListsBobAndDeleteRemovesHimWithAnEvent() throws Exception {
        JsonNode contacts = client.get("/v1/contacts").json();
        assertThat(contacts).hasSize(1);
        JsonNode bobJson = contacts.get(0);
        assertThat(bobJson.get("contactId").asInt()).isEqualTo(bobAtAlice.value());
        assertThat(bobJson.get("name").asText()).isEqualTo("Bob");
        assertThat(bobJson.get("authorId").asText()).isEqualTo(Bytes.toHex(author(bob).id().getBytes()));
        assertThat(bobJson.get("alias").isNull()).isTrue();
        assertThat(bobJson.get("verified").asBoolean()).isTrue();
        assertThat(bobJson.get("connected").asBoolean()).isFalse();
        assertThat(bobJson.get("unreadCount").asInt()).isZero();

        try (EventClient events = client.events()) {
            Answer deleted = client.delete("/v1/contacts/" + bobAtAlice.value());
            assertThat(deleted.status()).isEqualTo(204);
            assertThat(deleted.body()).isEmpty();
            JsonNode removed = events.await("ContactRemoved");
            assertThat(removed.get("type").asText()).isEqualTo("event");
            assertThat(removed.get("data").get("contactId").asInt()).isEqualTo(bobAtAlice.value());
        }
        assertThat(client.get("/v1/contacts").json()).isEmpty();
        assertThat(client.delete("/v1/contacts/" + bobAtAlice.value()).status()).isEqualTo(404);
    }

    @Test
    void sendingListsTheMessageAndBobsAckMakesItDelivered() throws Exception {
        try (EventClient events = client.events()) {
            Answer sent = client.post("/v1/messages/" + bobAtAlice.value(), "{\"text\":\"Hi Bob \u263a\"}");
            assertThat(sent.status()).isEqualTo(201);
            String messageId = sent.json().get("messageId").asText();
            assertThat(messageId).matches("[0-9a-f]{64}");
            assertThat(sent.json().get("local").asBoolean()).isTrue();
            assertThat(sent.json().get("delivered").asBoolean()).isFalse();

            JsonNode conversation = client.get("/v1/messages/" + bobAtAlice.value()).json();
            assertThat(conversation).hasSize(1);
            assertThat(conversation.get(0).get("messageId").asText()).isEqualTo(messageId);
            assertThat(conversation.get(0).get("text").asText()).isEqualTo("Hi Bob \u263a");
            assertThat(conversation.get(0).get("autoDeleteTimer").isNull()).isTrue();

            List<Message> moved = TestNodes.moveMessages(alice, bobAtAlice, bob, aliceAtBob);
            assertThat(moved).extracting(m -> Bytes.toHex(m.getId().getBytes())).contains(messageId);
            TestNodes.moveAcks(bob, aliceAtBob, alice, bobAtAlice);

            JsonNode delivered = events.await("MessageDelivered");
            assertThat(delivered.get("data").get("messageId").asText()).isEqualTo(messageId);
            assertThat(delivered.get("data").get("contactId").asInt()).isEqualTo(bobAtAlice.value());
            assertThat(client.get("/v1/messages/" + bobAtAlice.value()).json().get(0).get("delivered")
                    .asBoolean()).isTrue();
        }
    }

    @Test
    void aMessageFromBobIsStreamedListedUnreadAndMarkedRead() throws Exception {
        try (EventClient events = client.events()) {
            PrivateMessageHeader fromBob = bob.get(DatabaseComponent.class).transactionWithResult(false, txn ->
                    bob.get(MessagingManager.class).sendPrivateMessage(txn, aliceAtBob, "Hello Alice", List.of(),
                            MessagingConstants.NO_AUTO_DELETE_TIMER));
            TestNodes.moveMessages(bob, aliceAtBob, alice, bobAtAlice);
            String messageId = Bytes.toHex(fromBob.id().getBytes());

            JsonNode received = events.await("MessageReceived");
            assertThat(received.get("data").get("messageId").asText()).isEqualTo(messageId);
            assertThat(received.get("data").get("contactId").asInt()).isEqualTo(bobAtAlice.value());
            assertThat(received.get("data").get("text").asText()).isEqualTo("Hello Alice");
            assertThat(received.get("data").get("local").asBoolean()).isFalse();
            assertThat(received.get("data").get("read").asBoolean()).isFalse();
            assertThat(client.get("/v1/contacts").json().get(0).get("unreadCount").asInt()).isEqualTo(1);

            Answer read = client.post("/v1/messages/" + bobAtAlice.value() + "/read",
                    "{\"messageId\":\"" + messageId + "\"}");
            assertThat(read.status()).isEqualTo(204);
            assertThat(client.get("/v1/contacts").json().get(0).get("unreadCount").asInt()).isZero();
            JsonNode listed = client.get("/v1/messages/" + bobAtAlice.value()).json().get(0);
            assertThat(listed.get("read").asBoolean()).isTrue();
            assertThat(listed.get("text").asText()).isEqualTo("Hello Alice");
        }
    }

    @Test
    void transportsIsAListOfPluginStates() throws Exception {
        Answer answer = client.get("/v1/transports");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().isArray()).isTrue();
        for (JsonNode transport : answer.json()) {
            assertThat(transport.get("transportId").asText()).isNotEmpty();
            assertThat(transport.get("state").asText())
                    .isIn("STARTING_STOPPING", "DISABLED", "ENABLING", "ACTIVE", "INACTIVE");
        }
    }

    // Bad requests

    @Test
    void badRequestsGetJsonErrorsAndChangeNothing() throws Exception {
        String messages = "/v1/messages/" + bobAtAlice.value();
        assertError(client.post(messages, "{\"text\":"), 400, "Malformed JSON");
        assertError(client.post(messages, "[\"text\"]"), 400, "Malformed JSON");
        assertError(client.post(messages, "{\"text\":\"a\"} {}"), 400, "Malformed JSON");
        assertError(client.post(messages, "{\"text\":\"a\",\"extra\":1}"), 400, "Malformed JSON");
        assertError(client.post(messages, "{\"text\":" + "[".repeat(100) + "]".repeat(100) + "}"), 400,
                "Malformed JSON");
        assertError(client.post(messages, ""), 400, "A JSON body is required");
        assertError(client.post(messages, "{}"), 400, "\"text\" is required");
        assertError(client.post(messages, "{\"text\":\"\"}"), 400, "The text is empty");
        String tooLong = "x".repeat(MessagingConstants.MAX_PRIVATE_MESSAGE_TEXT_LENGTH + 1);
        assertError(client.post(messages, "{\"text\":\"" + tooLong + "\"}"), 400, "more than 30720");
        assertError(client.post(messages, "{\"text\":\"\\ud800\"}"), 400, "");
        byte[] oversized = ("{\"text\":\"" + "x".repeat(ApiHandler.MAX_BODY_BYTES) + "\"}").getBytes(UTF_8);
        assertError(client.post(messages, oversized), 413, "larger than 65536 bytes");

        assertError(client.get("/v1/messages/999"), 404, "No such contact");
        assertError(client.post("/v1/messages/999", "{\"text\":\"hi\"}"), 404, "No such contact");
        assertError(client.get("/v1/messages/abc"), 400, "Not a contact ID: abc");
        assertError(client.get("/v1/messages/0"), 400, "Not a contact ID: 0");
        assertError(client.get("/v1/messages/99999999999"), 400, "Not a contact ID");
        assertError(client.delete("/v1/contacts/-1"), 400, "Not a contact ID");

        assertError(client.post(messages + "/read", "{\"messageId\":\"xyz\"}"), 400, "64 hex digits");
        assertError(client.post(messages + "/read", "{\"messageId\":\"" + "ab".repeat(32) + "\"}"), 404,
                "No such message");
        assertError(client.get("/v1/nothing"), 404, "No such resource");
        assertError(client.get("/v1/contacts/"), 404, "No such resource");
        assertError(client.post("/v1/identity", "{}"), 405, "POST is not allowed");

        assertThat(client.get(messages).json()).isEmpty();
        assertThat(client.get("/v1/identity").status()).isEqualTo(200);
    }

    @Test
    void aMalformedHttpRequestGetsAJsonErrorToo() throws Exception {
        String token = ApiClient.readToken(aliceDir);
        String request = "GET /v1/identity HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nNot a header line\r\n\r\n";

        String response;
        try (Socket socket = new Socket(ApiServer.HOST, api.port())) {
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(ApiClient.TIMEOUT_SECONDS));
            socket.getOutputStream().write(request.getBytes(UTF_8));
            response = new String(socket.getInputStream().readAllBytes(), UTF_8);
        }

        assertThat(response).startsWith("HTTP/1.1 400 ").contains("Content-Type: " + ApiJson.CONTENT_TYPE)
                .containsPattern("\\{\"error\":\"[^\"]+\"}$");
    }
}
