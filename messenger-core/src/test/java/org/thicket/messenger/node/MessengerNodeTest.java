package org.thicket.messenger.node;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Key;
import com.google.inject.Module;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.account.api.AccountManager;
import org.thicket.bramble.account.api.WrongPasswordException;
import org.thicket.bramble.crypto.api.ScryptCost;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.event.api.EventExecutor;
import org.thicket.bramble.identity.api.AuthorFactory;
import org.thicket.bramble.identity.api.Identity;
import org.thicket.bramble.lifecycle.api.LifecycleEvent;
import org.thicket.bramble.lifecycle.api.LifecycleState;
import org.thicket.bramble.lifecycle.api.StartResult;
import org.thicket.bramble.settings.api.Settings;
import org.thicket.bramble.system.api.Clock;

/** The whole account path on real files: real crypto, the encrypted H2 database and the lifecycle. */
class MessengerNodeTest {

    private static final Module FAST_SCRYPT = b -> b.bind(ScryptCost.class).toInstance(ScryptCost.fixed(1024));
    private static final byte[] PASSWORD = "correct horse battery".getBytes(UTF_8);

    @TempDir
    Path dataDir;

    private MessengerNode running;

    @AfterEach
    void stopRunningNode() {
        if (running != null) running.stop();
    }

    private MessengerNode newNode(Module... extra) {
        Module[] overrides = new Module[extra.length + 1];
        overrides[0] = FAST_SCRYPT;
        System.arraycopy(extra, 0, overrides, 1, extra.length);
        running = MessengerNode.create(dataDir, overrides);
        return running;
    }

    @Test
    void createdIdentityIsStoredAndComesBackAfterSigningInAgain() throws Exception {
        MessengerNode first = newNode();
        assertThat(first.accountExists()).isFalse();
        assertThat(first.createAccount("Zoë", PASSWORD)).isEqualTo(StartResult.SUCCESS);
        assertThat(first.lifecycle().getLifecycleState()).isEqualTo(LifecycleState.RUNNING);
        Identity created = first.identity();
        assertThat(created.localAuthor().author().name()).isEqualTo("Zoë");
        assertThat(created.id()).as("AuthorId is derived from the name and key")
                .isEqualTo(first.get(AuthorFactory.class)
                        .createAuthor("Zoë", created.localAuthor().author().publicKey()).id());
        first.stop();

        MessengerNode second = newNode();
        assertThat(second.accountExists()).isTrue();
        assertThat(second.signIn(PASSWORD)).isEqualTo(StartResult.SUCCESS);
        Identity loaded = second.identity();
        assertThat(loaded.id()).isEqualTo(created.id());
        assertThat(loaded.localAuthor().privateKey().getEncoded())
                .isEqualTo(created.localAuthor().privateKey().getEncoded());
        assertThat(loaded.handshakeKeyPair().publicKey()).isEqualTo(created.handshakeKeyPair().publicKey());
        assertThat(loaded.created()).isEqualTo(created.created());
    }

    @Test
    void aWrongPasswordOpensNothingAndChangesNothing() throws Exception {
        newNode().createAccount("Zoë", PASSWORD);
        running.stop();
        Map<Path, String> before = FileSnapshot.of(dataDir);

        MessengerNode node = newNode();
        assertThatThrownBy(() -> node.signIn("wrong".getBytes(UTF_8))).isInstanceOf(WrongPasswordException.class);
        assertThat(node.lifecycle().getLifecycleState()).isEqualTo(LifecycleState.CREATED);
        assertThat(FileSnapshot.of(dataDir)).isEqualTo(before);
    }

    @Test
    void changingThePasswordKeepsAllData() throws Exception {
        MessengerNode first = newNode();
        first.createAccount("Zoë", PASSWORD);
        DatabaseComponent db = first.get(DatabaseComponent.class);
        db.transaction(false, txn -> db.mergeSettings(txn, Settings.EMPTY.with("marker", "kept"), "test"));
        first.stop();

        byte[] newPassword = "a different passphrase".getBytes(UTF_8);
        newNode().get(AccountManager.class).changePassword(PASSWORD, newPassword);

        MessengerNode node = newNode();
        assertThatThrownBy(() -> node.signIn(PASSWORD)).isInstanceOf(WrongPasswordException.class);
        assertThat(node.signIn(newPassword)).isEqualTo(StartResult.SUCCESS);
        DatabaseComponent reopened = node.get(DatabaseComponent.class);
        Settings settings = reopened.transactionWithResult(true, txn -> reopened.getSettings(txn, "test"));
        assertThat(settings.get("marker")).isEqualTo("kept");
        assertThat(node.identity().localAuthor().author().name()).isEqualTo("Zoë");
    }

    @Test
    void aFirstStartThatFailsLeavesNoAccountSoItCanBeCreatedOnceTheCauseIsFixed() throws Exception {
        Clock stopped = () -> 0L;
        MessengerNode node = newNode(b -> b.bind(Clock.class).toInstance(stopped));

        assertThat(node.createAccount("Zoë", PASSWORD)).isEqualTo(StartResult.CLOCK_ERROR);
        assertThat(node.get(AccountManager.class).isSignedIn()).isFalse();
        assertThat(node.accountExists()).isFalse();

        assertThat(newNode().createAccount("Zoë", PASSWORD)).isEqualTo(StartResult.SUCCESS);
    }

    @Test
    void stoppingEndsTheNodesEventThreadAfterTheLastEvent() throws Exception {
        MessengerNode node = newNode();
        node.createAccount("Zoë", PASSWORD);
        var events = (ExecutorService) node.get(Key.get(Executor.class, EventExecutor.class));
        List<Object> seen = new CopyOnWriteArrayList<>();
        node.get(EventBus.class).addListener(seen::add);

        node.stop();

        assertThat(events.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).contains(new LifecycleEvent(LifecycleState.STOPPED));
    }

    @Test
    void deletingTheAccountRemovesEveryFile() throws Exception {
        MessengerNode node = newNode();
        node.createAccount("Zoë", PASSWORD);

        node.deleteAccount();

        assertThat(newNode().accountExists()).isFalse();
        try (var listing = Files.list(dataDir)) {
            assertThat(listing).isEmpty();
        }
    }
}
