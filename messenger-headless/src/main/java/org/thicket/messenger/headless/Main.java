package org.thicket.messenger.headless;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.inject.Module;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.identity.api.Identity;
import org.thicket.messenger.headless.api.ApiServer;
import org.thicket.messenger.headless.api.ApiToken;
import org.thicket.messenger.headless.console.NodeConsole;
import org.thicket.messenger.node.DataDirectories;
import org.thicket.messenger.node.MessengerNode;

/**
 * {@code thicket-node}: creates or unlocks the account, prints the READY line and runs until stopped. Standard output
 * carries only the help text, the READY line and the API and LINK lines asked for, then with --console the
 * console's answers; errors and log lines go to standard error.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private final PrintStream out;
    private final PrintStream err;
    private final Prompter prompter;
    private final NodeShutdown shutdown = new NodeShutdown();

    private Main(PrintStream out, PrintStream err, Prompter prompter) {
        this.out = out;
        this.err = err;
        this.prompter = prompter;
    }

    public static void main(String[] args) {
        Console console = System.console();
        Prompter prompter = console == null ? null : Prompter.of(console);
        new Main(new PrintStream(System.out, true, UTF_8), System.err, prompter).run(List.of(args));
    }

    private void run(List<String> args) {
        try {
            Options options = CommandLine.parse(args);
            if (options.help()) {
                out.print(CommandLine.usage());
                return;
            }
            MessengerNode node = start(options);
            if (options.console()) {
                runConsole(node);
                shutdown.exit(ExitCode.STOPPED);
            }
            if (options.exitOnStdinEof()) {
                awaitEndOfInput(System.in);
                shutdown.exit(ExitCode.STOPPED);
            }
            awaitStop(node);
        } catch (ExitException e) {
            err.println(CommandLine.PROGRAM + ": " + e.getMessage());
            if (e.code() == ExitCode.USAGE) err.println("Try '" + CommandLine.PROGRAM + " --help' for the options.");
            shutdown.exit(e.code());
        } catch (RuntimeException | Error e) {
            // Caught, not left to the JVM: once the hook is installed, a dying main thread would end in exit code 0.
            LOG.error("Unexpected failure", e);
            shutdown.exit(ExitCode.FAILED);
        }
    }

    /** @return the running node, which the shutdown hook stops */
    private MessengerNode start(Options options) throws ExitException {
        // The account layer creates a missing data directory, private to its owner, when it writes the key files.
        Path dataDirectory = DataDirectories.resolve(options.dataDir());
        LOG.info("Data directory {}", dataDirectory);
        List<Module> overrides = new ArrayList<>();
        Collections.addAll(overrides, TestScryptCost.overrides(System.getProperty(TestScryptCost.PROPERTY)));
        Collections.addAll(overrides, TestRendezvousTimes.overrides(System.getProperty(TestRendezvousTimes.PROPERTY)));
        Collections.addAll(overrides, TorOptions.overrides(options.torTorrc(), options.torBinary()));
        MessengerNode node = MessengerNode.create(dataDirectory, options.transports(), overrides.toArray(Module[]::new));
        shutdown.stopOnExit(node);
        PasswordSource passwords = new PasswordSource(options.passwordFile(), System::getenv, prompter);
        Identity identity = new AccountStarter(passwords, prompter).start(node, options.nickname());
        if (options.apiPort() != null) startApi(node, dataDirectory, options.apiPort());
        out.println(ReadyLine.of(identity.localAuthor().author()));
        if (options.printLink()) out.println(LinkLine.of(identity));
        return node;
    }

    /** Before the READY line, so that a script that waited for READY finds the API listening. */
    private void startApi(MessengerNode node, Path dataDirectory, int port) throws ExitException {
        try {
            ApiServer api = ApiServer.start(node, dataDirectory, port);
            shutdown.closeFirstOnExit(api);
            out.println(ApiLine.of(api.port(), dataDirectory.resolve(ApiToken.FILE_NAME)));
        } catch (IOException e) {
            throw new ExitException(ExitCode.FAILED, "Could not start the API: " + e.getMessage());
        }
    }

    /** On the main thread, until quit or the end of input; the console's events stop before the node does. */
    private void runConsole(MessengerNode node) {
        PrintWriter writer = new PrintWriter(new OutputStreamWriter(out, UTF_8));
        try (NodeConsole console = NodeConsole.of(node, writer)) {
            console.run(new InputStreamReader(System.in, UTF_8));
        }
    }

    /** Keeps the JVM up until the shutdown hook has stopped the node; the hook then ends the process. */
    private static void awaitStop(MessengerNode node) {
        try {
            node.lifecycle().waitForShutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Input is not read for meaning, only to notice its end. A read error ends it too. */
    private static void awaitEndOfInput(InputStream in) {
        byte[] discarded = new byte[4096];
        try {
            while (in.read(discarded) >= 0) {
                // Keep reading until the end.
            }
        } catch (IOException e) {
            LOG.warn("Standard input failed; treating it as ended", e);
        }
    }
}
