package org.thicket.bramble.db;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.MigrationListener;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.test.CapturingEventBus;
import org.thicket.bramble.util.Bytes;

/**
 * The child process of {@link KillDuringWritesTest}: opens the database with the key in a file (never on the
 * command line), then commits one message per transaction and prints "COMMITTED n" after each commit, until it is
 * killed or reaches its own bounds.
 */
public final class KillTestWriter {

    static final Group GROUP = TestData.group(1);
    static final int MAX_COMMITS = 100_000;
    static final long MAX_RUN_SECONDS = 90;

    private KillTestWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        byte[] keyBytes = Files.readAllBytes(Path.of(args[1]));
        SecretKey key = new SecretKey(keyBytes);
        Bytes.wipe(keyBytes);
        DatabaseComponentImpl db = TestData.database(dir, new CapturingEventBus());
        db.open(key, MigrationListener.NONE);
        key.wipe();
        db.transaction(false, txn -> db.addGroup(txn, GROUP));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_RUN_SECONDS);
        for (int n = 0; n < MAX_COMMITS && System.nanoTime() < deadline; n++) {
            int i = n;
            db.transaction(false, txn -> db.addMessage(txn, body(i), MessageState.DELIVERED, true, false));
            System.out.println("COMMITTED " + n);
            System.out.flush();
        }
        // Reaching here means nobody killed us: leave without closing, like a crash would.
        System.exit(1);
    }

    static Message body(int n) {
        return TestData.message(GROUP, n, ("row " + n).getBytes(StandardCharsets.UTF_8));
    }
}
