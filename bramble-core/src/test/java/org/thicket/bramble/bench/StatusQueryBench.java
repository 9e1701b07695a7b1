package org.thicket.bramble.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.identity.api.Identity;
import org.thicket.bramble.identity.api.IdentityManager;
import org.thicket.bramble.record.RecordModule;
import org.thicket.bramble.sync.SyncModule;
import org.thicket.bramble.sync.api.ClientId;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.GroupFactory;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageFactory;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.sync.api.Visibility;
import org.thicket.bramble.test.SettableClock;
import org.thicket.bramble.test.TestNode;

/**
 * What the per-contact status queries of a sync session cost once a contact has a long history: one contact, one
 * shared group with N messages it has all acked (default 20,000), plus a few new ones. Times the queries every
 * outgoing round runs (acks owed, messages due, requested messages, unacked for eager sessions) and an incoming
 * ack. Each timed query follows a small write, as in a session, so H2 cannot answer it from its result cache. Not a test:
 * {@code mvn -B -o -q -pl bramble-core test-compile exec:java -Dexec.skip=false -Dexec.classpathScope=test
 * -Dexec.mainClass=org.thicket.bramble.bench.StatusQueryBench} [-Dexec.args=N].
 */
public final class StatusQueryBench {

    private static final int ROUNDS = 200;
    private static final int NEW_MESSAGES = 10;

    private StatusQueryBench() {
    }

    public static void main(String[] args) throws Exception {
        int history = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path dir = Files.createTempDirectory("status-bench");
        TestNode node = TestNode.open(dir, TestNode.randomKey(), new SettableClock(), new RecordModule(),
                new SyncModule());
        try {
            run(node, history);
        } finally {
            node.close();
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    private static void run(TestNode node, int history) throws Exception {
        DatabaseComponent db = node.db();
        Identity ours = node.addIdentity("ours");
        Identity theirs = node.get(IdentityManager.class).createIdentity("theirs");
        ContactId contact = db.transactionWithResult(false,
                txn -> db.addContact(txn, theirs.localAuthor().author(), ours.id(), null, true));
        Group group = node.get(GroupFactory.class).createGroup(new ClientId("org.thicket.bench"), 0, new byte[0]);
        db.transaction(false, txn -> {
            db.addGroup(txn, group);
            db.setGroupVisibility(txn, contact, group.getId(), Visibility.SHARED);
        });
        List<MessageId> old = addMessages(node, group, history);
        for (int from = 0; from < old.size(); from += 1000) {
            List<MessageId> batch = old.subList(from, Math.min(old.size(), from + 1000));
            db.transaction(false, txn -> db.setAckedBy(txn, contact, batch));
        }
        List<MessageId> fresh = addMessages(node, group, NEW_MESSAGES);
        System.out.printf("%d acked messages of history and %d new ones; median of %d rounds, microseconds:%n",
                history, NEW_MESSAGES, ROUNDS);

        // H2 reuses a query's result while its tables are unchanged; a sync session's tables change all the time.
        Query touch = () -> {
            db.transaction(false, txn -> db.lowerAckFlag(txn, contact, fresh.subList(0, 1)));
            return 0;
        };
        time("messages to ack (none owed)", touch, () -> db.transactionWithResult(true,
                txn -> db.getMessagesToAck(txn, contact, 1536)).size());
        time("unacked messages (eager)", touch, () -> db.transactionWithResult(true,
                txn -> db.getUnackedMessagesToSend(txn, contact)).size());
        time("requested messages (none)", touch, () -> db.transactionWithResult(false,
                txn -> db.getRequestedMessagesToSend(txn, contact, 65_624, 30_000)).size());
        time("due messages (10 the first time)", touch, () -> db.transactionWithResult(false,
                txn -> db.getMessagesToSend(txn, contact, 65_624, 30_000)).size());
        time("an ack of 10 messages", touch, () -> {
            db.transaction(false, txn -> db.setAckedBy(txn, contact, fresh));
            return fresh.size();
        });
    }

    private static List<MessageId> addMessages(TestNode node, Group group, int count) throws Exception {
        DatabaseComponent db = node.db();
        SecureRandom random = new SecureRandom();
        List<MessageId> ids = new ArrayList<>();
        for (int from = 0; from < count; from += 1000) {
            List<Message> batch = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + 1000); i++) {
                byte[] body = new byte[100];
                random.nextBytes(body);
                batch.add(node.get(MessageFactory.class).createMessage(group.getId(), 1_000_000L + i, body));
            }
            db.transaction(false, txn -> {
                for (Message m : batch) db.addMessage(txn, m, MessageState.DELIVERED, true, false);
            });
            batch.forEach(m -> ids.add(m.getId()));
        }
        return ids;
    }

    private interface Query {
        int run() throws Exception;
    }

    private static void time(String name, Query touch, Query query) throws Exception {
        long sink = 0;
        for (int i = 0; i < ROUNDS / 4; i++) sink += touch.run() + query.run();
        long[] micros = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            sink += touch.run();
            long start = System.nanoTime();
            sink += query.run();
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        Arrays.sort(micros);
        System.out.printf("  %-34s median %7d  p90 %7d%s%n", name, micros[ROUNDS / 2], micros[ROUNDS * 9 / 10],
                sink < 0 ? " " : "");
    }
}
