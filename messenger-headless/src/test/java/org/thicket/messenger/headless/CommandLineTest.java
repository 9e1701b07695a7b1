package org.thicket.messenger.headless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thicket.messenger.node.Transports;

class CommandLineTest {

    @Test
    void noArgumentsMeanDefaults() throws Exception {
        Options options = CommandLine.parse(List.of());

        assertThat(options.dataDir()).isNull();
        assertThat(options.nickname()).isNull();
        assertThat(options.passwordFile()).isNull();
        assertThat(options.exitOnStdinEof()).isFalse();
        assertThat(options.console()).isFalse();
        assertThat(options.help()).isFalse();
        assertThat(options.apiPort()).isNull();
    }

    @Test
    void transportsAreRealUnlessTheUserChoosesLoopbackOrNone() throws Exception {
        assertThat(CommandLine.parse(List.of()).transports()).isEqualTo(Transports.REAL);
        assertThat(CommandLine.parse(List.of("--transports", "loopback")).transports()).isEqualTo(Transports.LOOPBACK);
        assertThat(CommandLine.parse(List.of("--transports=none")).transports()).isEqualTo(Transports.NONE);
        assertThat(CommandLine.parse(List.of("--transports", "tor")).transports()).isEqualTo(Transports.TOR);
        assertThat(usageError("--transports=bluetooth"))
                .isEqualTo("--transports: one of real, tor, loopback, none, not: bluetooth");
    }

    @Test
    void readsTheTorOptions() throws Exception {
        Options options = CommandLine.parse(List.of("--tor-torrc", "privnet.torrc", "--tor-binary=/opt/tor/tor"));

        assertThat(options.torTorrc()).isEqualTo(Path.of("privnet.torrc"));
        assertThat(options.torBinary()).isEqualTo(Path.of("/opt/tor/tor"));
        assertThat(CommandLine.parse(List.of()).torTorrc()).isNull();
        assertThat(CommandLine.parse(List.of()).torBinary()).isNull();
        assertThat(usageError("--tor-torrc", "a\0b")).startsWith("--tor-torrc: not a path");
        assertThat(usageError("--tor-binary")).isEqualTo("--tor-binary PATH: the value is missing");
    }

    @Test
    void printLinkIsAFlagThatIsOffByDefault() throws Exception {
        assertThat(CommandLine.parse(List.of()).printLink()).isFalse();
        assertThat(CommandLine.parse(List.of("--print-link")).printLink()).isTrue();
        assertThat(usageError("--print-link=yes")).isEqualTo("--print-link takes no value");
        assertThat(CommandLine.usage()).contains("LINK briar://");
    }

    @Test
    void readsTheApiPort() throws Exception {
        assertThat(CommandLine.parse(List.of("--api-port", "0")).apiPort()).isZero();
        assertThat(CommandLine.parse(List.of("--api-port=7000")).apiPort()).isEqualTo(7000);
        assertThat(CommandLine.parse(List.of("--api-port", "65535")).apiPort()).isEqualTo(65535);
    }

    @ParameterizedTest
    @ValueSource(strings = {"65536", "-1", "x", "80a", "123456", "99999999999", " 80"})
    void refusesAnApiPortOutOfRange(String port) {
        assertThat(usageError("--api-port=" + port))
                .isEqualTo("--api-port: not a port number from 0 to 65535: " + port);
    }

    @Test
    void readsEveryOptionWithItsValueInTheNextArgument() throws Exception {
        Options options = CommandLine.parse(List.of("--data-dir", "/tmp/d", "--nickname", "Alice Smith",
                "--password-file", "pw.txt", "--exit-on-stdin-eof", "--help"));

        assertThat(options.dataDir()).isEqualTo("/tmp/d");
        assertThat(options.nickname()).isEqualTo("Alice Smith");
        assertThat(options.passwordFile()).isEqualTo(Path.of("pw.txt"));
        assertThat(options.exitOnStdinEof()).isTrue();
        assertThat(options.help()).isTrue();
    }

    @Test
    void consoleIsAFlagWithoutAValue() throws Exception {
        assertThat(CommandLine.parse(List.of("--console", "--api-port", "0")).console()).isTrue();
        assertThat(usageError("--console=yes")).isEqualTo("--console takes no value");
        assertThat(usageError("--console", "--console")).isEqualTo("--console is given more than once");
        assertThat(CommandLine.usage()).contains("--console");
    }

    @Test
    void readsValuesAfterAnEqualsSign() throws Exception {
        Options options = CommandLine.parse(List.of("--data-dir=/tmp/d", "--nickname=a=b", "--password-file=pw"));

        assertThat(options.dataDir()).isEqualTo("/tmp/d");
        assertThat(options.nickname()).isEqualTo("a=b");
        assertThat(options.passwordFile()).isEqualTo(Path.of("pw"));
    }

    @Test
    void anEqualsSignLetsAValueStartWithDashes() throws Exception {
        assertThat(CommandLine.parse(List.of("--nickname=--x--")).nickname()).isEqualTo("--x--");
    }

    @Test
    void refusesAnUnknownOption() {
        assertThat(usageError("--data-dir", "d", "--bogus")).isEqualTo("Unknown option: --bogus");
        assertThat(usageError("-x")).isEqualTo("Unknown option: -x");
    }

    @Test
    void thereIsNoPasswordOption() {
        assertThat(usageError("--password", "secret")).isEqualTo("Unknown option: --password");
        assertThat(usageError("--password=secret")).isEqualTo("Unknown option: --password");
    }

    @Test
    void refusesAnArgumentThatIsNoOption() {
        assertThat(usageError("--nickname", "Alice", "Bob")).isEqualTo("Unexpected argument: Bob");
    }

    @Test
    void refusesAMissingValue() {
        assertThat(usageError("--data-dir")).isEqualTo("--data-dir DIR: the value is missing");
        assertThat(usageError("--nickname", "--data-dir", "d")).isEqualTo("--nickname NAME: the value is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--nickname=", "--data-dir=", "--password-file="})
    void refusesAnEmptyValue(String arg) {
        assertThat(usageError(arg)).endsWith(": the value is empty");
    }

    @Test
    void refusesAValueForAFlag() {
        assertThat(usageError("--exit-on-stdin-eof=yes")).isEqualTo("--exit-on-stdin-eof takes no value");
    }

    @Test
    void refusesAnOptionGivenTwice() {
        assertThat(usageError("--nickname", "a", "--nickname=b")).isEqualTo("--nickname is given more than once");
        assertThat(usageError("--help", "--help")).isEqualTo("--help is given more than once");
    }

    @Test
    void refusesAPathTheFileSystemCannotHold() {
        assertThat(usageError("--password-file", "a\0b")).startsWith("--password-file: not a path");
        assertThat(usageError("--data-dir", "a\0b")).startsWith("--data-dir: not a path");
    }

    @Test
    void usageNamesEveryOptionAndExitCode() {
        String usage = CommandLine.usage();

        for (Option option : Option.values()) assertThat(usage).contains("\n  " + option.synopsis() + " ");
        for (ExitCode code : ExitCode.values()) assertThat(usage).contains("\n  " + code.status() + "  ");
        assertThat(usage).contains(PasswordSource.ENV_VAR, "--password-file FILE", "READY nickname=");
        assertThat(usage.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    }

    private static String usageError(String... args) {
        ExitException e = catchThrowableOfType(ExitException.class, () -> CommandLine.parse(List.of(args)));
        assertThat(e).as("usage error for %s", List.of(args)).isNotNull();
        assertThat(e.code()).isEqualTo(ExitCode.USAGE);
        return e.getMessage();
    }
}
