package org.thicket.messenger.headless.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.identity.api.Author;
import org.thicket.messenger.headless.TestNodes;
import org.thicket.messenger.headless.api.ApiClient.Answer;
import org.thicket.messenger.node.MessengerNode;

/**
 * The API tests' fixture: two real nodes in this JVM, Alice and Bob, each with an account and no transports, and
 * Alice's API with a client. What the two know of each other is up to each test class.
 */
abstract class TwoNodeApiTest {

    @TempDir
    Path aliceDir;
    @TempDir
    Path bobDir;

    MessengerNode alice;
    MessengerNode bob;
    ApiServer api;
    ApiClient client;

    @BeforeEach
    void startTwoNodesAndAlicesApi() throws Exception {
        alice = TestNodes.start(aliceDir, "Alice");
        bob = TestNodes.start(bobDir, "Bob");
        api = ApiServer.start(alice, aliceDir, 0);
        client = new ApiClient(api.port(), ApiClient.readToken(aliceDir));
    }

    @AfterEach
    void stopTheApiAndBothNodes() {
        if (api != null) api.close();
        if (alice != null) alice.stop();
        if (bob != null) bob.stop();
    }

    static Author author(MessengerNode node) throws Exception {
        return TestNodes.author(node);
    }

    /** A JSON error with this status whose message contains {@code message}. */
    static void assertError(Answer answer, int status, String message) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.response().headers().firstValue("Content-Type")).hasValue(ApiJson.CONTENT_TYPE);
        assertThat(answer.json().get("error").asText()).contains(message);
    }
}
