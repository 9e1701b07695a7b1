package org.thicket.messenger.headless.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.messenger.headless.e2e.Conversations.Tally;

/**
 * The whole stack in two child JVMs, LAN on loopback: the nodes add each other by swapping QR payloads through
 * their APIs, then exchange a thousand messages each way while one of them is killed with SIGKILL and started again
 * over the same data directory. In the end each side holds every text of the other exactly once, and every message
 * it sent is acknowledged.
 */
class LanQrEndToEndTest {

    private static final int PER_SIDE = 1000;
    private static final int CONCURRENCY = 8;
    /**
     * Messages in flight when Bob is killed are lost with him and sent again only when their retransmission is due:
     * two LAN round trips (2 x 30 s) doubled once, 120 s after they went out. The wait covers that and some.
     */
    private static final long DELIVERY_WAIT_MS = 240_000;
    private static final String ALICE_TO_BOB = "from Alice";
    private static final String BOB_TO_ALICE = "from Bob";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    private HeadlessNode alice;
    private HeadlessNode bob;
    private final ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
    /** Runs one side's series while the test thread sends the other's. */
    private final ExecutorService series = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopEverything() throws InterruptedException {
        series.shutdownNow();
        pool.shutdownNow();
        series.awaitTermination(30, TimeUnit.SECONDS);
        pool.awaitTermination(30, TimeUnit.SECONDS);
        if (alice != null) alice.close();
        if (bob != null) bob.close();
    }

    @Test
    void nodesAddedByQrExchangeAThousandMessagesEachWayExactlyOnceAcrossAKillWhileSyncing() throws Exception {
        exchangeAcrossAKill(false);
    }

    /** As above, but Bob is killed once the first halves are delivered both ways, so no ack is in flight. */
    @Test
    void nodesAddedByQrExchangeAThousandMessagesEachWayExactlyOnceAcrossAKillBetweenBatches() throws Exception {
        exchangeAcrossAKill(true);
    }

    private void exchangeAcrossAKill(boolean settleFirst) throws Exception {
        Path password = HeadlessNode.passwordFile(tmp, "end to end");
        Path aliceDir = tmp.resolve("alice");
        Path bobDir = tmp.resolve("bob");
        alice = HeadlessNode.start(aliceDir, "Alice", password, "loopback", tmp.resolve("alice.err"));
        bob = HeadlessNode.start(bobDir, "Bob", password, "loopback", tmp.resolve("bob-1.err"));

        int[] ids = InPersonAdding.addEachOther(alice, bob);
        int bobAtAlice = ids[0];
        int aliceAtBob = ids[1];
        assertOneVerifiedContact(alice, "Bob");
        assertOneVerifiedContact(bob, "Alice");

        int half = PER_SIDE / 2;
        int threeQuarters = PER_SIDE * 3 / 4;
        Future<?> bobSending = series.submit(send(bob, aliceAtBob, BOB_TO_ALICE, 0, half));
        Conversations.send(pool, alice, bobAtAlice, ALICE_TO_BOB, 0, half);
        bobSending.get(DELIVERY_WAIT_MS, TimeUnit.MILLISECONDS);

        if (settleFirst) {
            Tally settledAtAlice = Conversations.awaitComplete(alice, bobAtAlice, BOB_TO_ALICE, half, DELIVERY_WAIT_MS);
            Tally settledAtBob = Conversations.awaitComplete(bob, aliceAtBob, ALICE_TO_BOB, half, DELIVERY_WAIT_MS);
            assertThat(settledAtAlice.complete(BOB_TO_ALICE, half, half)).as("at Alice: %s", settledAtAlice).isTrue();
            assertThat(settledAtBob.complete(ALICE_TO_BOB, half, half)).as("at Bob: %s", settledAtBob).isTrue();
        }
        bob.killHard();
        Conversations.send(pool, alice, bobAtAlice, ALICE_TO_BOB, half, threeQuarters);
        bob = HeadlessNode.start(bobDir, null, password, "loopback", tmp.resolve("bob-2.err"));
        bobSending = series.submit(send(bob, aliceAtBob, BOB_TO_ALICE, half, PER_SIDE));
        Conversations.send(pool, alice, bobAtAlice, ALICE_TO_BOB, threeQuarters, PER_SIDE);
        bobSending.get(DELIVERY_WAIT_MS, TimeUnit.MILLISECONDS);

        Tally atAlice = Conversations.awaitComplete(alice, bobAtAlice, BOB_TO_ALICE, PER_SIDE, DELIVERY_WAIT_MS);
        Tally atBob = Conversations.awaitComplete(bob, aliceAtBob, ALICE_TO_BOB, PER_SIDE, DELIVERY_WAIT_MS);
        assertThat(atAlice.exactlyOnce(BOB_TO_ALICE, PER_SIDE)).as("at Alice: %s", atAlice).isTrue();
        assertThat(atBob.exactlyOnce(ALICE_TO_BOB, PER_SIDE)).as("at Bob: %s", atBob).isTrue();
        assertThat(atAlice.sentDelivered()).isEqualTo(PER_SIDE);
        assertThat(atBob.sentDelivered()).isEqualTo(PER_SIDE);
    }

    /** A series to send from a thread of its own, so both nodes send at once; its failure shows in its future. */
    private Callable<Void> send(HeadlessNode node, int contactId, String prefix, int from, int to) {
        return () -> {
            Conversations.send(pool, node, contactId, prefix, from, to);
            return null;
        };
    }

    private static void assertOneVerifiedContact(HeadlessNode node, String name) throws Exception {
        JsonNode contacts = node.get("/v1/contacts");
        assertThat(contacts).hasSize(1);
        assertThat(contacts.get(0).get("name").asText()).isEqualTo(name);
        assertThat(contacts.get(0).get("verified").asBoolean()).isTrue();
    }
}
