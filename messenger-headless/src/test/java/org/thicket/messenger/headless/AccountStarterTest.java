package org.thicket.messenger.headless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.identity.api.Identity;
import org.thicket.bramble.lifecycle.api.LifecycleState;
import org.thicket.messenger.node.MessengerNode;

/** The account steps on a real node in this JVM; NodeProcessTest runs the whole program in its own. */
class AccountStarterTest {

    @TempDir
    Path dataDir;

    @Test
    void createsThenSignsInToTheSameIdentity() throws Exception {
        AccountStarter starter = starterWithPassword("correct horse");

        MessengerNode first = node();
        Identity created = starter.start(first, "Alice");
        first.stop();
        MessengerNode second = node();
        Identity signedIn = starter.start(second, "ignored because the account exists");
        second.stop();

        assertThat(created.localAuthor().author().name()).isEqualTo("Alice");
        assertThat(signedIn.id()).isEqualTo(created.id());
        assertThat(signedIn.localAuthor().author().name()).isEqualTo("Alice");
    }

    @Test
    void aWrongPasswordExitsWithItsOwnCodeAndStartsNothing() throws Exception {
        MessengerNode first = node();
        starterWithPassword("correct horse").start(first, "Alice");
        first.stop();
        byte[] keyFile = Files.readAllBytes(dataDir.resolve("db.key"));

        MessengerNode second = node();
        ExitException e = catchThrowableOfType(ExitException.class,
                () -> starterWithPassword("wrong horse").start(second, null));

        assertThat(e.code()).isEqualTo(ExitCode.WRONG_PASSWORD);
        assertThat(second.lifecycle().getLifecycleState()).isEqualTo(LifecycleState.CREATED);
        assertThat(Files.readAllBytes(dataDir.resolve("db.key"))).isEqualTo(keyFile);
        second.stop();
    }

    @Test
    void withoutANicknameOrTerminalNoAccountIsCreated() {
        MessengerNode node = node();

        ExitException e = catchThrowableOfType(ExitException.class,
                () -> starterWithPassword("pw").start(node, null));

        assertThat(e.code()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage())
                .isEqualTo("There is no account in " + dataDir + " yet: give --nickname NAME to create one");
        assertThat(node.accountExists()).isFalse();
    }

    @Test
    void theTerminalAsksForNicknameThenPasswordTwice() throws Exception {
        ScriptedPrompter terminal = new ScriptedPrompter("Dave", "pw", "pw");
        MessengerNode node = node();

        Identity identity = new AccountStarter(new PasswordSource(null, name -> null, terminal), terminal)
                .start(node, null);
        node.stop();

        assertThat(identity.localAuthor().author().name()).isEqualTo("Dave");
        assertThat(terminal.prompts).containsExactly("Nickname: ", "New password: ", "Repeat the password: ");
    }

    private MessengerNode node() {
        try {
            return MessengerNode.create(dataDir, TestScryptCost.overrides("1024"));
        } catch (ExitException e) {
            throw new AssertionError(e);
        }
    }

    private static AccountStarter starterWithPassword(String password) {
        Map<String, String> environment = Map.of(PasswordSource.ENV_VAR, password);
        return new AccountStarter(new PasswordSource(null, environment::get, null), null);
    }
}
