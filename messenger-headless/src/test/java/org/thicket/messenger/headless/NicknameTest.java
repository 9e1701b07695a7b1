package org.thicket.messenger.headless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class NicknameTest {

    private static final String MISSING = "no nickname given";

    @Test
    void dropsBlanksAroundTheNickname() {
        assertThat(Nickname.check("  Alice Smith \t")).isEqualTo("Alice Smith");
    }

    @Test
    void allowsFiftyUtf8BytesAndNoMore() {
        assertThat(Nickname.check("x".repeat(50))).hasSize(50);
        assertThat(Nickname.check("€".repeat(16))).hasSize(16); // 48 bytes
        assertThatThrownBy(() -> Nickname.check("x".repeat(51)))
                .hasMessage("The nickname is 51 UTF-8 bytes long; at most 50 are allowed");
        assertThatThrownBy(() -> Nickname.check("€".repeat(17)))
                .hasMessage("The nickname is 51 UTF-8 bytes long; at most 50 are allowed");
    }

    @Test
    void refusesAnEmptyNickname() {
        assertThatThrownBy(() -> Nickname.check(" ")).hasMessage("The nickname is empty");
    }

    @Test
    void refusesControlCharactersThatWouldBreakALine() {
        assertThatThrownBy(() -> Nickname.check("Al\nice")).hasMessageContaining("control characters");
        assertThatThrownBy(() -> Nickname.check("Al\u0000ice")).hasMessageContaining("control characters");
    }

    @Test
    void theOptionWinsAndIsNotAskedFor() throws Exception {
        ScriptedPrompter terminal = new ScriptedPrompter();

        assertThat(Nickname.choose(" Bob ", terminal, MISSING)).isEqualTo("Bob");
        assertThat(terminal.prompts).isEmpty();
    }

    @Test
    void aBadOptionIsAUsageError() {
        ExitException e = catchThrowableOfType(ExitException.class,
                () -> Nickname.choose("x".repeat(51), new ScriptedPrompter(), MISSING));

        assertThat(e.code()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).startsWith("--nickname: The nickname is 51 UTF-8 bytes");
    }

    @Test
    void withoutOptionOrTerminalTheCallerSaysWhatIsMissing() {
        ExitException e = catchThrowableOfType(ExitException.class, () -> Nickname.choose(null, null, MISSING));

        assertThat(e.code()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).isEqualTo(MISSING);
    }

    @Test
    void theTerminalAsksAgainAfterABadNickname() throws Exception {
        ScriptedPrompter terminal = new ScriptedPrompter("", "Carol");

        assertThat(Nickname.choose(null, terminal, MISSING)).isEqualTo("Carol");
        assertThat(terminal.prompts).containsExactly("Nickname: ", "Nickname: ");
        assertThat(terminal.told).containsExactly("The nickname is empty");
    }

    @Test
    void theTerminalGivesUpAfterTheLastAttemptOrAtTheEndOfInput() {
        ExitException tooMany = catchThrowableOfType(ExitException.class,
                () -> Nickname.choose(null, new ScriptedPrompter("", " ", "\t"), MISSING));
        ExitException ended = catchThrowableOfType(ExitException.class,
                () -> Nickname.choose(null, new ScriptedPrompter().thenEndOfInput(), MISSING));

        assertThat(tooMany.getMessage()).isEqualTo("No valid nickname in 3 attempts");
        assertThat(ended.getMessage()).isEqualTo("No nickname was entered");
    }
}
