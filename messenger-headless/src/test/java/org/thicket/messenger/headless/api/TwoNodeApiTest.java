package org.thicket.messenger.headless.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Module;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.crypto.api.ScryptCost;
import org.thicket.bramble.identity.api.Author;
import org.thicket.bramble.lifecycle.api.StartResult;
import org.thicket.messenger.headless.api.ApiClient.Answer;
import org.thicket.messenger.node.MessengerNode;

/**
 * The API tests' fixture: two real nodes in this JVM, Alice and Bob, each with an account and no transports, and
 * Alice's API with a client. What the two know of each other is up to each test class.
 */
abstract class TwoNodeApiTest {

    private static final Module FAST_SCRYPT = b -> b.bind(ScryptCost.class).toInstance(ScryptCost.fixed(1024));

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
        alice = node(aliceDir, "Alice");
        bob = node(bobDir, "Bob");
        api = ApiServer.start(alice, aliceDir, 0);
        client = new ApiClient(api.port(), ApiClient.readToken(aliceDir));
    }

    @AfterEach
    void stopTheApiAndBothNodes() {
        if (api != null) api.close();
        if (alice != null) alice.stop();
        if (bob != null) bob.stop();
    }

    private static MessengerNode node(Path dir, String nickname) throws Exception {
        MessengerNode node = MessengerNode.create(dir, FAST_SCRYPT);
        assertThat(node.createAccount(nickname, "api test".getBytes(UTF_8))).isEqualTo(StartResult.SUCCESS);
        return node;
    }

    static Author author(MessengerNode node) throws Exception {
        return node.identity().localAuthor().author();
    }

    /** A JSON error with this status whose message contains {@code message}. */
    static void assertError(Answer answer, int status, String message) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.response().headers().firstValue("Content-Type")).hasValue(ApiJson.CONTENT_TYPE);
        assertThat(answer.json().get("error").asText()).contains(message);
    }
}
