package org.thicket.messenger.headless;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordSourceTest {

    private static final UnaryOperator<String> NO_ENVIRONMENT = name -> null;
    private static final UnaryOperator<String> ENVIRONMENT =
            name -> Map.of(PasswordSource.ENV_VAR, "from env").get(name);

    @TempDir
    Path tmp;

    @Test
    void takesTheFirstLineOfTheFileWithoutItsTerminator() throws Exception {
        assertThat(fromFile("one two\nsecond line\n")).isEqualTo("one two");
        assertThat(fromFile("crlf\r\nsecond")).isEqualTo("crlf");
        assertThat(fromFile("cr\rsecond")).isEqualTo("cr");
        assertThat(fromFile("no terminator")).isEqualTo("no terminator");
        assertThat(fromFile(" spaces count \n")).isEqualTo(" spaces count ");
    }

    @Test
    void keepsTheFilesBytesAsUtf8() throws Exception {
        assertThat(fromFile("pässwörd €\n")).isEqualTo("pässwörd €");
    }

    @Test
    void theFileComesBeforeTheEnvironmentAndTheTerminal() throws Exception {
        ScriptedPrompter terminal = new ScriptedPrompter();
        PasswordSource source = new PasswordSource(privateFile("from file\n"), ENVIRONMENT, terminal);

        assertThat(text(source.password())).isEqualTo("from file");
        assertThat(text(source.newPassword())).isEqualTo("from file");
        assertThat(terminal.prompts).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r-----", "rw----r--", "rw--w----", "rw-----w-", "rw-rw-rw-"})
    void refusesAFileOtherUsersCanReadOrWrite(String permissions) throws Exception {
        assumePosix();
        Path file = privateFile("secret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));

        assertThat(usageError(new PasswordSource(file, NO_ENVIRONMENT, null)))
                .contains(file.toString(), permissions, "chmod 600");
    }

    @Test
    void acceptsAFileOnlyItsOwnerCanRead() throws Exception {
        assumePosix();
        Path file = privateFile("secret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));

        assertThat(text(new PasswordSource(file, NO_ENVIRONMENT, null).password())).isEqualTo("secret");
    }

    @Test
    void refusesAMissingFileInsteadOfFallingBack() {
        Path missing = tmp.resolve("missing");

        assertThat(usageError(new PasswordSource(missing, ENVIRONMENT, new ScriptedPrompter())))
                .isEqualTo("The password file does not exist: " + missing);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "\r\nsecond line"})
    void refusesAnEmptyFirstLine(String content) throws Exception {
        assertThat(usageError(new PasswordSource(privateFile(content), NO_ENVIRONMENT, null)))
                .endsWith("is empty: a password must not be");
    }

    @Test
    void readsAFirstLineUpToTheLimitAndNoLonger() throws Exception {
        String longest = "x".repeat(PasswordSource.MAX_BYTES);

        assertThat(fromFile(longest + "\nmore")).isEqualTo(longest);
        assertThat(usageError(new PasswordSource(privateFile(longest + "x"), NO_ENVIRONMENT, null)))
                .contains("longer than " + PasswordSource.MAX_BYTES + " bytes");
    }

    @Test
    void refusesAFileThatIsNotUtf8() throws Exception {
        Path file = privateFile("");
        Files.write(file, new byte[] {'p', (byte) 0xFF, 'w'});

        assertThat(usageError(new PasswordSource(file, NO_ENVIRONMENT, null))).endsWith("is not UTF-8 text");
    }

    @Test
    void takesTheEnvironmentVariableWhenThereIsNoFile() throws Exception {
        ScriptedPrompter terminal = new ScriptedPrompter();
        PasswordSource source = new PasswordSource(null, ENVIRONMENT, terminal);

        assertThat(text(source.password())).isEqualTo("from env");
        assertThat(text(source.newPassword())).isEqualTo("from env");
        assertThat(terminal.prompts).isEmpty();
    }

    @Test
    void encodesTheEnvironmentVariableAsUtf8() throws Exception {
        PasswordSource source = new PasswordSource(null, name -> "€uro", null);

        assertThat(source.password()).isEqualTo("€uro".getBytes(UTF_8));
    }

    @Test
    void refusesAnEmptyEnvironmentVariable() {
        assertThat(usageError(new PasswordSource(null, name -> "", new ScriptedPrompter())))
                .isEqualTo("$THICKET_PASSWORD is empty: a password must not be");
    }

    @Test
    void withoutFileEnvironmentOrTerminalThereIsNoPassword() {
        String message = usageError(new PasswordSource(null, NO_ENVIRONMENT, null));

        assertThat(message).contains("--password-file FILE", PasswordSource.ENV_VAR, "terminal");
    }

    @Test
    void asksTheTerminalOnceToSignInAndWipesWhatWasTyped() throws Exception {
        ScriptedPrompter terminal = new ScriptedPrompter("typed €");

        byte[] password = new PasswordSource(null, NO_ENVIRONMENT, terminal).password();

        assertThat(password).isEqualTo("typed €".getBytes(UTF_8));
        assertThat(terminal.prompts).containsExactly("Password: ");
        assertThat(terminal.allPasswordsWiped()).isTrue();
    }

    @Test
    void asksTheTerminalTwiceForANewPassword() throws Exception {
        ScriptedPrompter terminal = new ScriptedPrompter("new one", "new one");

        assertThat(text(new PasswordSource(null, NO_ENVIRONMENT, terminal).newPassword())).isEqualTo("new one");
        assertThat(terminal.prompts).containsExactly("New password: ", "Repeat the password: ");
        assertThat(terminal.allPasswordsWiped()).isTrue();
    }

    @Test
    void asksAgainWhenTheTwoEntriesDiffer() throws Exception {
        ScriptedPrompter terminal = new ScriptedPrompter("one", "two", "three", "three");

        assertThat(text(new PasswordSource(null, NO_ENVIRONMENT, terminal).newPassword())).isEqualTo("three");
        assertThat(terminal.told).containsExactly("The passwords do not match.");
        assertThat(terminal.allPasswordsWiped()).isTrue();
    }

    @Test
    void givesUpAfterTheLastMismatch() {
        String[] answers = new String[2 * PasswordSource.ATTEMPTS];
        for (int i = 0; i < answers.length; i++) answers[i] = "attempt " + i;
        ScriptedPrompter terminal = new ScriptedPrompter(answers);

        ExitException e = catchThrowableOfType(ExitException.class,
                () -> new PasswordSource(null, NO_ENVIRONMENT, terminal).newPassword());

        assertThat(e.code()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).isEqualTo("The passwords did not match in 3 attempts");
        assertThat(terminal.allPasswordsWiped()).isTrue();
    }

    @Test
    void refusesAnEmptyOrMissingTypedPassword() {
        assertThat(usageError(new PasswordSource(null, NO_ENVIRONMENT, new ScriptedPrompter(""))))
                .isEqualTo("The password is empty");
        assertThat(usageError(new PasswordSource(null, NO_ENVIRONMENT, new ScriptedPrompter().thenEndOfInput())))
                .isEqualTo("No password was entered");
        ExitException e = catchThrowableOfType(ExitException.class, () -> new PasswordSource(null, NO_ENVIRONMENT,
                new ScriptedPrompter("first").thenEndOfInput()).newPassword());
        assertThat(e.getMessage()).isEqualTo("No password was entered");
    }

    private String fromFile(String content) throws Exception {
        return text(new PasswordSource(privateFile(content), NO_ENVIRONMENT, null).password());
    }

    private Path privateFile(String content) throws IOException {
        Path file = Files.createTempFile(tmp, "password", ".txt");
        if (isPosix()) Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(file, content, UTF_8);
        return file;
    }

    private static String text(byte[] password) {
        String text = new String(password, UTF_8);
        Arrays.fill(password, (byte) 0);
        return text;
    }

    private static String usageError(PasswordSource source) {
        ExitException e = catchThrowableOfType(ExitException.class, source::password);
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ExitCode.USAGE);
        return e.getMessage();
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static void assumePosix() {
        assumeTrue(isPosix(), "POSIX permissions");
    }
}
