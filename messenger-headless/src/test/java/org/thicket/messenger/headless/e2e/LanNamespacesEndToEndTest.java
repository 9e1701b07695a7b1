package org.thicket.messenger.headless.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.plugin.lan.netns.NetNamespaces;
import org.thicket.messenger.headless.e2e.Conversations.Tally;

/**
 * Two headless nodes with every transport (--transports real), each in a network namespace of its own whose only
 * interface besides loopback is one end of a veth pair: what LAN sees is a real two-host network. They add each
 * other through their APIs (driven by curl inside each namespace) and exchange a few messages over the veth.
 * Needs root, or CAP_SYS_ADMIN and CAP_NET_ADMIN; skipped, with the reason, where `ip netns add` is refused.
 */
class LanNamespacesEndToEndTest {

    private static final int PER_SIDE = 5;
    private static final long DELIVERY_WAIT_MS = 120_000;

    @TempDir
    Path tmp;

    @Test
    void nodesInTwoNamespacesAddEachOtherByQrAndExchangeMessagesOverTheVeth() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (NetNamespaces net = NetNamespaces.createOrSkip()) {
            Path password = HeadlessNode.passwordFile(tmp, "namespaces");
            NamespacedNode alice = NamespacedNode.start(net, net.namespaceA(), tmp, "Alice", password);
            NamespacedNode bob = NamespacedNode.start(net, net.namespaceB(), tmp, "Bob", password);

            int[] ids = InPersonAdding.addEachOther(alice, bob);

            Conversations.send(pool, alice, ids[0], "from Alice", 0, PER_SIDE);
            Conversations.send(pool, bob, ids[1], "from Bob", 0, PER_SIDE);
            Tally atAlice = Conversations.awaitComplete(alice, ids[0], "from Bob", PER_SIDE, DELIVERY_WAIT_MS);
            Tally atBob = Conversations.awaitComplete(bob, ids[1], "from Alice", PER_SIDE, DELIVERY_WAIT_MS);
            assertThat(atAlice.complete("from Bob", PER_SIDE, PER_SIDE)).as("at Alice: %s", atAlice).isTrue();
            assertThat(atBob.complete("from Alice", PER_SIDE, PER_SIDE)).as("at Bob: %s", atBob).isTrue();
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
    }
}
