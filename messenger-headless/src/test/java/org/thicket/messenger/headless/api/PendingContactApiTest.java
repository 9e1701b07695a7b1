package org.thicket.messenger.headless.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.contact.api.PendingContactId;
import org.thicket.bramble.crypto.api.CryptoComponent;
import org.thicket.bramble.crypto.api.KeyType;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.identity.api.Author;
import org.thicket.bramble.rendezvous.api.HandshakeLinks;
import org.thicket.bramble.rendezvous.api.InvalidLinkException.Reason;
import org.thicket.bramble.rendezvous.api.PendingContactState;
import org.thicket.bramble.rendezvous.api.PendingContactStateChangedEvent;
import org.thicket.bramble.util.Bytes;
import org.thicket.messenger.headless.api.ApiClient.Answer;
import org.thicket.messenger.headless.api.ApiClient.EventClient;
import org.thicket.messenger.node.MessengerNode;

/**
 * Adding contacts by link through the API of two real nodes that do not know each other yet. The nodes run no
 * transports, so the two never meet here: their pending contacts stay OFFLINE (meeting is the rendezvous tests').
 */
class PendingContactApiTest extends TwoNodeApiTest {

    private static final String LINK = "/v1/link";
    private static final String PENDING = "/v1/pending-contacts";

    private ApiServer bobApi;
    private ApiClient bobClient;

    @BeforeEach
    void startBobsApi() throws Exception {
        bobApi = ApiServer.start(bob, bobDir, 0);
        bobClient = new ApiClient(bobApi.port(), ApiClient.readToken(bobDir));
    }

    @AfterEach
    void stopBobsApi() {
        if (bobApi != null) bobApi.close();
    }

    @Test
    void ourLinkRoundTripsThroughHandshakeLinks() throws Exception {
        Answer answer = client.get(LINK);

        assertThat(answer.status()).isEqualTo(200);
        String link = answer.json().get("link").asText();
        assertThat(link).matches("briar://[a-z2-7]{53}");
        assertThat(HandshakeLinks.parse(link)).isEqualTo(handshakeKey(alice));
        assertThat(client.get(LINK).json().get("link").asText()).isEqualTo(link);
    }

    @Test
    void aliceAndBobAddEachOthersLinksAndEachListsOnePendingContact() throws Exception {
        String aliceLink = client.get(LINK).json().get("link").asText();
        String bobLink = bobClient.get(LINK).json().get("link").asText();

        try (EventClient events = client.events()) {
            Answer added = client.post(PENDING, addRequest("Hi, add me: " + bobLink + " thanks", "Bob"));

            assertThat(added.status()).as(added.body()).isEqualTo(201);
            String id = added.json().get("pendingContactId").asText();
            assertThat(id).isEqualTo(pendingContactId(alice, handshakeKey(bob)));
            assertThat(added.json().get("alias").asText()).isEqualTo("Bob");
            assertThat(added.json().get("state").asText()).isEqualTo(PendingContactState.OFFLINE.name());
            assertThat(added.json().get("timestamp").asLong()).isPositive();
            JsonNode event = events.await("PendingContactAdded").get("data");
            assertThat(event.get("pendingContactId").asText()).isEqualTo(id);
            assertThat(event.get("alias").asText()).isEqualTo("Bob");
            assertThat(event.get("timestamp").asLong()).isEqualTo(added.json().get("timestamp").asLong());
        }
        assertThat(bobClient.post(PENDING, addRequest(aliceLink.toUpperCase(Locale.ROOT), "Alice")).status())
                .isEqualTo(201);

        assertOnePending(client, pendingContactId(alice, handshakeKey(bob)), "Bob");
        assertOnePending(bobClient, pendingContactId(bob, handshakeKey(alice)), "Alice");
    }

    private static void assertOnePending(ApiClient client, String id, String alias) throws Exception {
        Answer list = client.get(PENDING);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(1);
        JsonNode only = list.json().get(0);
        assertThat(only.get("pendingContactId").asText()).isEqualTo(id);
        assertThat(only.get("alias").asText()).isEqualTo(alias);
        assertThat(only.get("state").asText()).isIn(PendingContactState.WAITING_FOR_CONNECTION.name(),
                PendingContactState.OFFLINE.name());
    }

    @Test
    void everyRefusedLinkGetsItsStatusAndReasonAndNothingIsStored() throws Exception {
        String aliceLink = client.get(LINK).json().get("link").asText();
        String bobLink = bobClient.get(LINK).json().get("link").asText();
        String strangerLink = HandshakeLinks.encode(alice.get(CryptoComponent.class).generateAgreementKeyPair()
                .publicKey());
        assertThat(client.post(PENDING, addRequest(strangerLink, "Stranger")).status()).isEqualTo(201);
        storeAsContact(alice, author(bob), handshakeKey(bob));
        int firstBase32 = HandshakeLinks.PREFIX.length();

        Set<Reason> seen = EnumSet.noneOf(Reason.class);
        seen.add(assertRefused("briar://abc", 400, Reason.WRONG_LENGTH));
        assertRefused("no link here", 400, Reason.WRONG_LENGTH);
        assertRefused("x".repeat(HandshakeLinks.MAX_TEXT_LENGTH + 1), 400, Reason.WRONG_LENGTH);
        seen.add(assertRefused(bobLink.substring(0, firstBase32 + 20) + "0" + bobLink.substring(firstBase32 + 21),
                400, Reason.BAD_BASE32));
        seen.add(assertRefused(bobLink.substring(0, firstBase32) + "b" + bobLink.substring(firstBase32 + 1), 400,
                Reason.UNKNOWN_VERSION));
        seen.add(assertRefused(HandshakeLinks.encode(new PublicKey(KeyType.AGREEMENT, new byte[PublicKey.LENGTH])),
                400, Reason.INVALID_KEY));
        seen.add(assertRefused(aliceLink, 400, Reason.OWN_LINK));
        seen.add(assertRefused(strangerLink, 409, Reason.ALREADY_PENDING));
        seen.add(assertRefused(bobLink, 409, Reason.ALREADY_CONTACT));

        assertThat(seen).isEqualTo(EnumSet.allOf(Reason.class));
        assertThat(client.get(PENDING).json()).hasSize(1);
    }

    private Reason assertRefused(String link, int status, Reason reason) throws Exception {
        Answer answer = client.post(PENDING, addRequest(link, "Someone"));
        assertError(answer, status, "");
        assertThat(answer.json().get("error").asText()).isNotBlank();
        assertThat(answer.json().get("reason").asText()).as(answer.body()).isEqualTo(reason.name());
        return reason;
    }

    @Test
    void aBadAliasOrBodyIs400WithoutAReason() throws Exception {
        String bobLink = bobClient.get(LINK).json().get("link").asText();

        assertBadRequest(addRequest(bobLink, ""), "The alias is 1 to 50 UTF-8 bytes, not 0");
        assertBadRequest(addRequest(bobLink, "\u00e9".repeat(26)), "not 52");
        assertBadRequest("{\"link\":\"" + bobLink + "\",\"alias\":\"\\ud800\"}", "not valid Unicode");
        assertBadRequest("{\"link\":\"" + bobLink + "\"}", "\"alias\" is required");
        assertBadRequest("{\"alias\":\"Bob\"}", "\"link\" is required");
        assertBadRequest("{\"link\":\"" + bobLink + "\",\"alias\":\"Bob\",\"extra\":1}", "Malformed JSON");
        assertBadRequest("", "A JSON body is required");

        assertThat(client.post(PENDING, addRequest(bobLink, "\u00e9".repeat(25))).status()).isEqualTo(201);
    }

    private void assertBadRequest(String body, String message) throws Exception {
        Answer answer = client.post(PENDING, body);
        assertError(answer, 400, message);
        assertThat(answer.json().has("reason")).isFalse();
        assertThat(client.get(PENDING).json()).isEmpty();
    }

    @Test
    void removingAPendingContactStreamsAnEventAndASecondRemoveIs404() throws Exception {
        String bobLink = bobClient.get(LINK).json().get("link").asText();
        String id = client.post(PENDING, addRequest(bobLink, "Bob")).json().get("pendingContactId").asText();

        try (EventClient events = client.events()) {
            Answer removed = client.delete(PENDING + "/" + id.toUpperCase(Locale.ROOT));

            assertThat(removed.status()).isEqualTo(204);
            assertThat(removed.body()).isEmpty();
            assertThat(events.await("PendingContactRemoved").get("data").get("pendingContactId").asText())
                    .isEqualTo(id);
        }
        assertThat(client.get(PENDING).json()).isEmpty();
        assertError(client.delete(PENDING + "/" + id), 404, "No such pending contact");
        assertError(client.delete(PENDING + "/xyz"), 400, "A pending contact ID is 64 hex digits");
        assertError(client.delete(PENDING + "/" + id + "00"), 400, "64 hex digits");
        assertError(client.post(PENDING + "/" + id, "{}"), 405, "POST is not allowed");
        assertThat(client.post(PENDING, addRequest(bobLink, "Bob again")).status()).isEqualTo(201);
    }

    /** The poller's state changes need transports; here the event is put on the bus as the poller would. */
    @Test
    void stateChangesAreStreamed() throws Exception {
        String bobLink = bobClient.get(LINK).json().get("link").asText();
        String id = client.post(PENDING, addRequest(bobLink, "Bob")).json().get("pendingContactId").asText();

        try (EventClient events = client.events()) {
            alice.get(EventBus.class).broadcast(new PendingContactStateChangedEvent(
                    new PendingContactId(Bytes.fromHex(id)), PendingContactState.CONNECTING));

            JsonNode changed = events.await("PendingContactStateChanged");
            assertThat(changed.get("type").asText()).isEqualTo("event");
            assertThat(changed.get("data").get("pendingContactId").asText()).isEqualTo(id);
            assertThat(changed.get("data").get("state").asText()).isEqualTo("CONNECTING");
        }
    }

    @Test
    void everyNewPathNeedsTheToken() throws Exception {
        String bobLink = bobClient.get(LINK).json().get("link").asText();
        String id = client.post(PENDING, addRequest(bobLink, "Bob")).json().get("pendingContactId").asText();

        for (String authorization : new String[] {null, "Bearer wrong"}) {
            for (List<String> request : List.of(List.of("GET", LINK), List.of("GET", PENDING),
                    List.of("POST", PENDING), List.of("DELETE", PENDING + "/" + id))) {
                Answer answer = client.sendWithAuthorization(request.get(0), request.get(1), authorization);
                assertThat(answer.status()).as("%s with %s", request, authorization).isEqualTo(401);
                assertThat(answer.json().get("error").asText()).contains("bearer token");
            }
        }
        assertThat(client.get(PENDING).json()).hasSize(1);
    }

    private static String addRequest(String link, String alias) {
        return "{\"link\":\"" + link + "\",\"alias\":\"" + alias + "\"}";
    }

    private static PublicKey handshakeKey(MessengerNode node) throws Exception {
        return node.identity().handshakeKeyPair().publicKey();
    }

    private static String pendingContactId(MessengerNode node, PublicKey key) {
        return Bytes.toHex(node.get(CryptoComponent.class).hash(PendingContactId.LABEL, key.getEncoded()));
    }

    private static void storeAsContact(MessengerNode node, Author remote, PublicKey handshakeKey) throws Exception {
        DatabaseComponent db = node.get(DatabaseComponent.class);
        Author me = author(node);
        db.transaction(false, txn -> db.addContact(txn, remote, me.id(), handshakeKey, true));
    }
}
