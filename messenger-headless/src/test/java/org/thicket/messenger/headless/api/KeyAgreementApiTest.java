package org.thicket.messenger.headless.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Module;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.crypto.api.ScryptCost;
import org.thicket.bramble.lifecycle.api.StartResult;
import org.thicket.bramble.plugin.api.Plugin;
import org.thicket.bramble.plugin.api.PluginManager;
import org.thicket.bramble.plugin.api.TransportIds;
import org.thicket.messenger.headless.api.ApiClient.Answer;
import org.thicket.messenger.headless.api.ApiClient.EventClient;
import org.thicket.messenger.node.MessengerNode;
import org.thicket.messenger.node.Transports;
import org.thicket.messenger.qr.api.QrCodes;

/**
 * In-person adding through the API: two real nodes in this JVM with LAN on loopback, each with its API and a
 * client, as {@link TwoNodeApiTest} has for one node without transports.
 */
class KeyAgreementApiTest {

    private static final Module FAST_SCRYPT = b -> b.bind(ScryptCost.class).toInstance(ScryptCost.fixed(1024));
    private static final long WAIT_MS = 30_000;

    @TempDir
    Path aliceDir;
    @TempDir
    Path bobDir;

    MessengerNode alice;
    MessengerNode bob;
    ApiServer aliceApi;
    ApiServer bobApi;
    ApiClient aliceClient;
    ApiClient bobClient;

    @BeforeEach
    void startTwoNodesWithTheirApis() throws Exception {
        alice = node(aliceDir, "Alice");
        bob = node(bobDir, "Bob");
        aliceApi = ApiServer.start(alice, aliceDir, 0);
        bobApi = ApiServer.start(bob, bobDir, 0);
        aliceClient = new ApiClient(aliceApi.port(), ApiClient.readToken(aliceDir));
        bobClient = new ApiClient(bobApi.port(), ApiClient.readToken(bobDir));
    }

    @AfterEach
    void stopTheApisAndBothNodes() {
        if (aliceApi != null) aliceApi.close();
        if (bobApi != null) bobApi.close();
        if (alice != null) alice.stop();
        if (bob != null) bob.stop();
    }

    @Test
    void eachScansTheOthersCodeOnePastedOneAsAnImageAndBothAddAVerifiedContact() throws Exception {
        try (EventClient aliceEvents = aliceClient.events()) {
            Answer aliceStart = aliceClient.post("/v1/key-agreement/start", "");
            Answer bobStart = bobClient.post("/v1/key-agreement/start", "");
            assertThat(aliceStart.status()).as(aliceStart.body()).isEqualTo(200);
            assertThat(aliceStart.json().get("qrText").asText()).contains("\u2580");
            assertThat(aliceEvents.await("KeyAgreementStatus").get("data").get("state").asText())
                    .isEqualTo("WAITING");
            HttpResponse<byte[]> bobPng = bobClient.getBytes("/v1/key-agreement/qr.png");
            assertThat(bobPng.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(alice.get(QrCodes.class).decodeImage(bobPng.body()))
                    .isEqualTo(Base64.getDecoder().decode(bobStart.json().get("payload").asText()));

            Answer aliceScan = aliceClient.post("/v1/key-agreement/scan", bobPng.body(), "image/png");
            Answer bobScan = bobClient.post("/v1/key-agreement/scan",
                    "{\"payload\": \"" + aliceStart.json().get("payload").asText() + "\"}");

            assertThat(aliceScan.status()).as(aliceScan.body()).isEqualTo(202);
            assertThat(bobScan.status()).as(bobScan.body()).isEqualTo(202);
            JsonNode aliceDone = awaitEnd(aliceClient);
            JsonNode bobDone = awaitEnd(bobClient);
            assertThat(aliceDone.get("state").asText()).isEqualTo("ADDED");
            assertThat(bobDone.get("state").asText()).isEqualTo("ADDED");
            assertThat(awaitState(aliceEvents, "ADDED").get("contactId").asInt())
                    .isEqualTo(aliceDone.get("contactId").asInt());
        }
        JsonNode bobAtAlice = onlyContact(aliceClient);
        JsonNode aliceAtBob = onlyContact(bobClient);
        assertThat(bobAtAlice.get("name").asText()).isEqualTo("Bob");
        assertThat(bobAtAlice.get("verified").asBoolean()).isTrue();
        assertThat(aliceAtBob.get("name").asText()).isEqualTo("Alice");
        assertThat(aliceAtBob.get("verified").asBoolean()).isTrue();
    }

    @Test
    void codesThatCannotBeUsedAreRefusedWithAReasonAndTheSessionKeepsWaiting() throws Exception {
        aliceClient.post("/v1/key-agreement/start", "");
        byte[] bobCode = Base64.getDecoder().decode(
                bobClient.post("/v1/key-agreement/start", "").json().get("payload").asText());

        String truncated = Base64.getEncoder().encodeToString(Arrays.copyOf(bobCode, bobCode.length - 3));
        assertReason(aliceClient.post("/v1/key-agreement/scan", "{\"payload\": \"" + truncated + "\"}"), 400,
                "GARBLED");
        assertReason(aliceClient.post("/v1/key-agreement/scan", "{\"payload\": \"not base64!\"}"), 400,
                "UNREADABLE");
        assertReason(aliceClient.post("/v1/key-agreement/scan", "not a png".getBytes(UTF_8), "image/png"), 400,
                "UNREADABLE");
        assertThat(aliceClient.post("/v1/key-agreement/scan", "{}").status()).isEqualTo(400);

        assertThat(aliceClient.get("/v1/key-agreement").json().get("state").asText()).isEqualTo("WAITING");
        assertThat(aliceClient.get("/v1/contacts").json()).isEmpty();
    }

    @Test
    void ourOwnCodeFailsTheSession() throws Exception {
        String aliceCode = aliceClient.post("/v1/key-agreement/start", "").json().get("payload").asText();

        Answer scan = aliceClient.post("/v1/key-agreement/scan", "{\"payload\": \"" + aliceCode + "\"}");

        assertThat(scan.status()).as(scan.body()).isEqualTo(202);
        JsonNode done = awaitEnd(aliceClient);
        assertThat(done.get("state").asText()).isEqualTo("FAILED");
        assertThat(done.get("reason").asText()).isEqualTo("OWN_PAYLOAD");
        assertThat(aliceClient.get("/v1/contacts").json()).isEmpty();
    }

    @Test
    void oneSessionAtATimeAndDeleteCancelsIt() throws Exception {
        assertReason(aliceClient.get("/v1/key-agreement/qr.png"), 404, "NO_SESSION");
        String bobCode = bobClient.post("/v1/key-agreement/start", "").json().get("payload").asText();
        assertReason(aliceClient.post("/v1/key-agreement/scan", "{\"payload\": \"" + bobCode + "\"}"), 409,
                "NOT_WAITING");
        assertThat(aliceClient.get("/v1/key-agreement").json().get("state").asText()).isEqualTo("IDLE");
        assertThat(aliceClient.post("/v1/key-agreement/start", "").status()).isEqualTo(200);
        assertReason(aliceClient.post("/v1/key-agreement/start", ""), 409, "BUSY");

        assertThat(aliceClient.delete("/v1/key-agreement").status()).isEqualTo(204);

        assertThat(aliceClient.get("/v1/key-agreement").json().get("state").asText()).isEqualTo("IDLE");
        assertThat(aliceClient.post("/v1/key-agreement/start", "").status()).isEqualTo(200);
    }

    private static MessengerNode node(Path dir, String nickname) throws Exception {
        MessengerNode node = MessengerNode.create(dir, Transports.LOOPBACK, FAST_SCRYPT);
        assertThat(node.createAccount(nickname, "api test".getBytes(UTF_8))).isEqualTo(StartResult.SUCCESS);
        PluginManager plugins = node.get(PluginManager.class);
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (plugins.getPlugin(TransportIds.LAN).getState() != Plugin.State.ACTIVE) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("LAN did not become active");
            Thread.sleep(20);
        }
        return node;
    }

    /** The status once no session runs any more. */
    private static JsonNode awaitEnd(ApiClient client) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (true) {
            JsonNode status = client.get("/v1/key-agreement").json();
            String state = status.get("state").asText();
            if (!state.equals("WAITING") && !state.equals("CONNECTING") && !state.equals("EXCHANGING")) {
                return status;
            }
            if (System.currentTimeMillis() > deadline) throw new AssertionError("Still " + status);
            Thread.sleep(50);
        }
    }

    /** The data of the next KeyAgreementStatus event in this state, skipping the others. */
    private static JsonNode awaitState(EventClient events, String state) throws InterruptedException {
        for (int i = 0; i < 10; i++) {
            JsonNode data = events.await("KeyAgreementStatus").get("data");
            if (data.get("state").asText().equals(state)) return data;
        }
        throw new AssertionError("No " + state + " among ten status events");
    }

    private static JsonNode onlyContact(ApiClient client) throws Exception {
        JsonNode contacts = client.get("/v1/contacts").json();
        assertThat(contacts).hasSize(1);
        return contacts.get(0);
    }

    private static void assertReason(Answer answer, int status, String reason) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.json().get("reason").asText()).isEqualTo(reason);
    }
}
