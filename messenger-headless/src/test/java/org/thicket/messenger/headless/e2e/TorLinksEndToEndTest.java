package org.thicket.messenger.headless.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.plugin.tor.privnet.PrivateTorNetwork;

/**
 * Two thicket-node processes on a private Tor network, driven only through their APIs: each enters the other's
 * link, they meet over Tor (BRP, BHP, contact exchange), exchange messages both ways, and messages sent to one of
 * them while it is stopped arrive, each exactly once, after it restarts over the same data directory with the same
 * onion address. Skips when tor or tor-gencert is missing.
 */
class TorLinksEndToEndTest {

    /** BRP tries every 2 s; the link expires after 10 min, long after the test has ended. */
    private static final String RENDEZVOUS_TIMES = "2000,600000";
    private static final Duration TOR_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration MEET_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(120);
    private static final int LOG_LINES = 30;

    /**
     * Under target/, not the system's temporary directory, where other builds on the machine may clean up; kept when
     * the test fails: each node's directory holds its standard error (the node's log).
     */
    private static Path tempDir;
    private static boolean passed;

    private static PrivateTorNetwork network;
    private static final List<HeadlessTorNode> nodes = new ArrayList<>();

    @BeforeAll
    static void startNetwork() throws Exception {
        Path tor = PrivateTorNetwork.findTor();
        Assumptions.assumeTrue(tor != null,
                "No tor with tor-gencert on this machine (apt-get install tor): skipping the Tor end-to-end test");
        tempDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "tor-e2e-");
        network = PrivateTorNetwork.start(tor);
    }

    @AfterAll
    static void stopEverything() throws IOException {
        nodes.forEach(HeadlessTorNode::close);
        if (network != null) network.close();
        if (passed) deleteRecursively(tempDir);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(file);
        }
    }

    @Test
    void nodesMeetByLinksOverTorAndMessagesSentWhileOneIsDownArriveOnceAfterItsRestart() throws Exception {
        HeadlessTorNode alice = HeadlessTorNode.onPrivateNetwork(network, tempDir, "Alice", RENDEZVOUS_TIMES);
        HeadlessTorNode bob = HeadlessTorNode.onPrivateNetwork(network, tempDir, "Bob", RENDEZVOUS_TIMES);
        nodes.add(alice);
        nodes.add(bob);
        alice.start();
        bob.start();
        try {
            meetAndTalk(alice, bob);
        } catch (AssertionError e) {
            // CI keeps only its summary: the nodes' logs go into the failure's message.
            throw new AssertionError(e.getMessage() + "\n" + alice.logTail(LOG_LINES) + "\n" + bob.logTail(LOG_LINES),
                    e);
        }
        passed = true;
    }

    private static void meetAndTalk(HeadlessTorNode alice, HeadlessTorNode bob) throws Exception {
        alice.addPendingContact(bob.link(), "Bob by link");
        bob.addPendingContact(alice.link(), "Alice by link");
        int bobAtAlice = alice.awaitOneContact(MEET_TIMEOUT);
        int aliceAtBob = bob.awaitOneContact(MEET_TIMEOUT);
        assertThat(alice.get("/v1/contacts").json().get(0).path("name").asText()).isEqualTo("Bob");
        assertThat(alice.get("/v1/contacts").json().get(0).path("alias").asText()).isEqualTo("Bob by link");
        assertThat(bob.get("/v1/contacts").json().get(0).path("name").asText()).isEqualTo("Alice");
        assertThat(bob.get("/v1/contacts").json().get(0).path("alias").asText()).isEqualTo("Alice by link");

        deliver(alice, bobAtAlice, bob, aliceAtBob, List.of("Hello Bob, over Tor"));
        deliver(bob, aliceAtBob, alice, bobAtAlice, List.of("Hello Alice, over Tor"));

        String onionBefore = bob.awaitTorActive(TOR_TIMEOUT).path("onion3").asText();
        assertThat(bob.terminate()).isZero();
        List<String> whileDown = List.of("Sent while you were away", "And another one");
        for (String text : whileDown) alice.send(bobAtAlice, text);
        bob.start();
        assertThat(bob.awaitTorActive(TOR_TIMEOUT).path("onion3").asText()).isEqualTo(onionBefore);
        awaitDelivered(alice, bobAtAlice, bob, aliceAtBob, whileDown);
        List<String> texts = texts(bob.get("/v1/messages/" + aliceAtBob).json());
        for (String text : whileDown) assertThat(texts).as("arrived exactly once").containsOnlyOnce(text);
    }

    /** Sends each text and waits until the receiver lists it and the sender marks it delivered. */
    private static void deliver(HeadlessTorNode from, int toId, HeadlessTorNode to, int fromId, List<String> texts)
            throws Exception {
        for (String text : texts) from.send(toId, text);
        awaitDelivered(from, toId, to, fromId, texts);
    }

    private static void awaitDelivered(HeadlessTorNode from, int toId, HeadlessTorNode to, int fromId,
            List<String> texts) throws Exception {
        to.awaitGet("/v1/messages/" + fromId, m -> texts(m).containsAll(texts), DELIVERY_TIMEOUT);
        from.awaitGet("/v1/messages/" + toId, m -> StreamSupport.stream(m.spliterator(), false)
                .filter(msg -> texts.contains(msg.path("text").asText()))
                .allMatch(msg -> msg.path("local").asBoolean() && msg.path("delivered").asBoolean()), DELIVERY_TIMEOUT);
    }

    private static List<String> texts(JsonNode messages) {
        return StreamSupport.stream(messages.spliterator(), false).map(m -> m.path("text").asText()).toList();
    }
}
